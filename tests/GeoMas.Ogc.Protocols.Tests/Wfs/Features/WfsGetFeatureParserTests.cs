using System.Xml.Linq;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wfs.Features;

namespace GeoMas.Ogc.Protocols.Tests.Wfs.Features;

public sealed class WfsGetFeatureParserTests
{
    private static readonly CrsRegistry Crs = new();
    private static readonly CatalogSnapshot Catalog = WfsFeatureTestCatalog.Build();

    private static WfsGetFeatureRequest Kvp(string query, string version = "2.0.0", bool propertyValue = false) =>
        WfsGetFeatureParser.Parse(WfsKvpQueryReader.Read(KvpRequest.Parse(query)), version, Catalog, Crs, propertyValue);

    private static ServiceException KvpError(string query, string version = "2.0.0", bool propertyValue = false) =>
        Assert.IsAssignableFrom<ServiceException>(Record.Exception(() => Kvp(query, version, propertyValue)));

    [Fact]
    public void Minimal_request_defaults_to_gml32_native_urn_every_feature_up_to_the_download_limit()
    {
        var request = Kvp("?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:parcelles");

        Assert.Equal("parcelles", request.Layer.Id);
        Assert.Equal(WfsOutputFormat.Gml32, request.Format);
        Assert.Equal("urn:ogc:def:crs:EPSG::2154", request.OutputCrs.Original);
        Assert.Equal(AxisOrder.EastNorth, request.OutputAxisOrder);
        Assert.Equal(50_000, request.Count);
        Assert.Equal(0, request.StartIndex);
        Assert.Equal(WfsResultType.Results, request.ResultType);
        Assert.True(request.Query.IncludeGeometry);
        Assert.Equal(["id", "commune", "section", "numero", "contenance", "updated_at"], request.Query.EffectiveProperties);
        Assert.Null(request.Query.Filter);
        Assert.Null(request.Query.Time);
    }

    [Fact]
    public void Wfs11_forms_typename_and_maxfeatures_default_to_gml311()
    {
        var request = Kvp("?service=WFS&version=1.1.0&request=GetFeature&typename=parcelles&maxfeatures=20&startindex=40", "1.1.0");

        Assert.Equal(WfsOutputFormat.Gml31, request.Format);
        Assert.Equal(20, request.Count);
        Assert.Equal(40, request.StartIndex);
    }

    [Fact]
    public void Count_is_capped_by_the_page_maximum()
    {
        Assert.Equal(1000, Kvp("?typenames=parcelles&count=999999").Count);
        Assert.Equal(7, Kvp("?typenames=parcelles&COUNT=7&STARTINDEX=14").Count);
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::4326", AxisOrder.NorthEast)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", AxisOrder.NorthEast)]
    [InlineData("EPSG:4326", AxisOrder.EastNorth)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326", AxisOrder.EastNorth)]
    [InlineData("urn:ogc:def:crs:EPSG::3857", AxisOrder.EastNorth)]
    [InlineData("EPSG:2154", AxisOrder.EastNorth)]
    public void Srsname_is_kept_as_spelled_and_decides_the_axis_order(string srsName, AxisOrder order)
    {
        var request = Kvp("?typenames=parcelles&srsname=" + Uri.EscapeDataString(srsName));

        Assert.Equal(srsName, request.OutputCrs.Original);
        Assert.Equal(order, request.OutputAxisOrder);
        Assert.Equal(request.OutputCrs.Srid, request.Query.OutputSrid);
    }

    [Fact]
    public void Unsupported_srsname_is_invalid_parameter_value_on_srsname()
    {
        var error = KvpError("?typenames=parcelles&srsname=urn:ogc:def:crs:EPSG::32690");

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal("srsName", error.Locator, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("44.5,6.0,44.6,6.1,urn:ogc:def:crs:EPSG::4326")]
    [InlineData("6.0,44.5,6.1,44.6,EPSG:4326")]
    [InlineData("44.5,6.0,44.6,6.1,http://www.opengis.net/def/crs/EPSG/0/4326")]
    public void Bbox_in_4326_follows_the_axis_order_of_its_crs_spelling(string bbox)
    {
        var request = Kvp("?typenames=parcelles&bbox=" + bbox);

        Assert.Equal(4326, request.Query.BboxSrid);
        Assert.Equal(new NetTopologySuite.Geometries.Envelope(6.0, 6.1, 44.5, 44.6), request.Query.Bbox);
        // Not in the storage CRS: the box is also tested exactly, as a densified polygon.
        Assert.IsType<SpatialFilter>(request.Query.Filter);
    }

    [Fact]
    public void Bbox_without_crs_is_in_the_native_crs_and_needs_no_extra_filter()
    {
        var request = Kvp("?typenames=parcelles&bbox=944000,6388000,945000,6389000");

        Assert.Equal(2154, request.Query.BboxSrid);
        Assert.Equal(new NetTopologySuite.Geometries.Envelope(944000, 945000, 6388000, 6389000), request.Query.Bbox);
        Assert.Null(request.Query.Filter);
    }

    [Theory]
    [InlineData("1,2,3", "bbox")]
    [InlineData("a,2,3,4", "bbox")]
    [InlineData("3,4,1,2", "bbox")]
    [InlineData("1,2,3,4,EPSG:32690", "bbox")]
    public void Bad_bbox_is_invalid_parameter_value(string bbox, string locator)
    {
        var error = KvpError("?typenames=parcelles&bbox=" + bbox);

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal(locator, error.Locator);
    }

    [Theory]
    [InlineData("&bbox=1,2,3,4&filter=%3Cfes:Filter/%3E")]
    [InlineData("&bbox=1,2,3,4&resourceid=parcelles.1")]
    [InlineData("&resourceid=parcelles.1&filter=%3Cfes:Filter/%3E")]
    public void Bbox_filter_and_resourceid_are_mutually_exclusive(string parameters)
    {
        var error = KvpError("?typenames=parcelles" + parameters);

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Contains("mutually exclusive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resourceid_alone_names_the_type_and_the_rows_and_reaches_every_version()
    {
        var request = Kvp("?resourceid=plu_zones.12,geomas:plu_zones.14");

        Assert.Equal("plu_zones", request.Layer.Id);
        Assert.Equal(new IdIn(["12", "14"]).Ids, Assert.IsType<IdIn>(request.Query.Filter).Ids);
        Assert.NotNull(request.Query.Time);
    }

    [Fact]
    public void Resourceid_of_another_type_than_typenames_is_invalid_on_resourceid()
    {
        var error = KvpError("?typenames=parcelles&resourceid=plu_zones.12");

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal("resourceId", error.Locator);
    }

    [Fact]
    public void Injection_in_resourceid_is_only_a_value_that_names_no_row()
    {
        var request = Kvp("?typenames=parcelles&resourceid=" + Uri.EscapeDataString("parcelles.1' OR '1'='1"));

        Assert.Equal(["1' OR '1'='1"], Assert.IsType<IdIn>(request.Query.Filter).Ids);
    }

    [Fact]
    public void Propertyname_selects_attributes_in_schema_order_and_the_geometry_only_when_named()
    {
        var request = Kvp("?typenames=parcelles&propertyname=geomas:numero,parcelles/commune");

        Assert.Equal(["commune", "numero"], request.Query.EffectiveProperties);
        Assert.False(request.Query.IncludeGeometry);
        Assert.True(Kvp("?typenames=parcelles&propertyname=(numero,geom)").Query.IncludeGeometry);
    }

    [Theory]
    [InlineData("propertyname", "nope")]
    [InlineData("propertyname", "commune;DROP TABLE parcelles")]
    [InlineData("propertyname", "\"commune\"")]
    [InlineData("sortby", "nope DESC")]
    [InlineData("sortby", "numero; DROP TABLE parcelles")]
    [InlineData("sortby", "geom")]
    [InlineData("sortby", "numero SIDEWAYS")]
    public void Unknown_or_injected_names_are_invalid_parameter_values_with_locator(string parameter, string value)
    {
        var error = KvpError($"?typenames=parcelles&{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal(parameter, error.Locator, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sortby_keys_are_read_in_both_wfs_forms()
    {
        Assert.Equal([new SortKey("commune"), new SortKey("numero", SortDirection.Descending)],
            Kvp("?typenames=parcelles&sortby=commune ASC,numero DESC").Query.SortBy);
        Assert.Equal([new SortKey("numero", SortDirection.Descending)], Kvp("?typenames=parcelles&sortby=geomas:numero+D").Query.SortBy);
    }

    [Fact]
    public void Fes_filter_like_is_parsed_and_checked_against_the_type()
    {
        var filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
            + "<fes:ValueReference>commune</fes:ValueReference><fes:Literal>05*</fes:Literal></fes:PropertyIsLike></fes:Filter>";

        var request = Kvp("?typenames=parcelles&filter=" + Uri.EscapeDataString(filter));

        var like = Assert.IsType<Like>(request.Query.Filter);
        Assert.Equal("05*", like.Pattern);
        Assert.Equal('*', like.WildCard);
    }

    [Fact]
    public void Wfs11_ogc_filter_is_read_too()
    {
        var filter = "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsEqualTo><ogc:PropertyName>section</ogc:PropertyName>"
            + "<ogc:Literal>AB</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>";

        Assert.IsType<Comparison>(Kvp("?typename=parcelles&filter=" + Uri.EscapeDataString(filter), "1.1.0").Query.Filter);
    }

    [Theory]
    [InlineData("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>nope</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>")]
    [InlineData("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>commune</fes:ValueReference><fes:Literal>&e;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>")]
    public void Unknown_property_bad_xml_and_external_entities_in_filter_are_invalid_on_filter(string filter)
    {
        var error = KvpError("?typenames=parcelles&filter=" + Uri.EscapeDataString(filter));

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal("filter", error.Locator);
    }

    [Fact]
    public void Unknown_filter_language_is_refused()
    {
        var error = KvpError("?typenames=parcelles&filter=x&filter_language=cql2-text");

        Assert.Equal("filter_language", error.Locator);
    }

    [Fact]
    public void Plu_zones_are_current_by_default_and_history_is_reached_by_a_filter_on_the_validity_columns()
    {
        Assert.Null(Kvp("?typenames=plu_zones").Query.Time);
        var filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLessThan><fes:ValueReference>valid_from</fes:ValueReference>"
            + "<fes:Literal>2020-01-01</fes:Literal></fes:PropertyIsLessThan></fes:Filter>";

        var history = Kvp("?typenames=plu_zones&filter=" + Uri.EscapeDataString(filter)).Query.Time;

        var range = Assert.Single(Assert.IsType<GeoMas.Ogc.Core.Time.TimeSelection>(history).Ranges);
        Assert.Null(range.Start);
        Assert.Null(range.End);
    }

    [Theory]
    [InlineData("?typenames=nope", "typeNames")]
    [InlineData("?typenames=plan", "typeNames")]
    [InlineData("?typenames=parcelles&resulttype=all", "resultType")]
    [InlineData("?typenames=parcelles&count=-1", "count")]
    [InlineData("?typenames=parcelles&count=ten", "count")]
    [InlineData("?typenames=parcelles&startindex=-5", "startIndex")]
    [InlineData("?typenames=parcelles&outputformat=image/png", "outputFormat")]
    [InlineData("?storedquery_id=urn:ogc:def:query:OGC-WFS::Nope&id=parcelles.1", "storedQuery_id")]
    public void Invalid_values_name_their_parameter(string query, string locator)
    {
        var error = KvpError(query);

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal(locator, error.Locator);
    }

    [Fact]
    public void Missing_typenames_is_missing_parameter_value()
    {
        var error = KvpError("?request=GetFeature");

        Assert.Equal("MissingParameterValue", error.Code);
        Assert.Equal(ErrorKind.MissingParameter, error.Kind);
    }

    [Theory]
    [InlineData("application/json", WfsOutputKind.GeoJson)]
    [InlineData("application/geo+json", WfsOutputKind.GeoJson)]
    [InlineData("application/vnd.geo+json", WfsOutputKind.GeoJson)]
    [InlineData("text/csv", WfsOutputKind.Csv)]
    [InlineData("text/xml; subtype=gml/3.2", WfsOutputKind.Gml32)]
    [InlineData("application/gml+xml;version=3.2", WfsOutputKind.Gml32)]
    [InlineData("text/xml; subtype=gml/3.1.1", WfsOutputKind.Gml31)]
    public void Output_formats_under_the_names_clients_send(string format, WfsOutputKind kind)
    {
        Assert.Equal(kind, Kvp("?typenames=parcelles&outputformat=" + Uri.EscapeDataString(format)).Format.Kind);
    }

    [Theory]
    [InlineData("http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById")]
    [InlineData("urn:ogc:def:query:OGC-WFS::GetFeatureById")]
    public void Get_feature_by_id_stored_query_names_the_row_of_the_type(string storedQuery)
    {
        var request = Kvp($"?request=GetFeature&storedquery_id={Uri.EscapeDataString(storedQuery)}&id=parcelles.05061000AB0001&srsname=EPSG:4326");

        Assert.Equal("parcelles", request.Layer.Id);
        Assert.Equal("05061000AB0001", request.FeatureById);
        Assert.Equal(4326, request.Query.OutputSrid);
    }

    [Fact]
    public void Get_feature_by_id_of_no_known_type_is_not_found()
    {
        var error = KvpError("?storedquery_id=urn:ogc:def:query:OGC-WFS::GetFeatureById&id=nope.1");

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("NotFound", error.Code);
    }

    [Fact]
    public void Xml_get_feature_reads_the_query_its_filter_sort_and_property_names()
    {
        var xml = XElement.Parse("""
            <wfs:GetFeature service="WFS" version="2.0.0" count="5" startIndex="10" resultType="hits" outputFormat="application/json"
                xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:geomas="http://geomas.org/ogc">
              <wfs:Query typeNames="geomas:parcelles" srsName="urn:ogc:def:crs:EPSG::4326">
                <wfs:PropertyName>geomas:numero</wfs:PropertyName>
                <fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>geomas:section</fes:ValueReference><fes:Literal>AB</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>
                <fes:SortBy><fes:SortProperty><fes:ValueReference>numero</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
              </wfs:Query>
            </wfs:GetFeature>
            """);

        var request = WfsGetFeatureParser.Parse(WfsXmlQueryReader.Read(xml), "2.0.0", Catalog, Crs);

        Assert.Equal(5, request.Count);
        Assert.Equal(10, request.StartIndex);
        Assert.Equal(WfsResultType.Hits, request.ResultType);
        Assert.Equal(WfsOutputKind.GeoJson, request.Format.Kind);
        Assert.Equal(AxisOrder.NorthEast, request.OutputAxisOrder);
        Assert.Equal(["numero"], request.Query.EffectiveProperties);
        Assert.IsType<Comparison>(request.Query.Filter);
        Assert.Equal([new SortKey("numero", SortDirection.Descending)], request.Query.SortBy);
    }

    [Fact]
    public void Xml_stored_query_reads_the_id_parameter()
    {
        var xml = XElement.Parse("""
            <wfs:GetFeature service="WFS" version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0">
              <wfs:StoredQuery id="http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById"><wfs:Parameter name="ID">plu_zones.7</wfs:Parameter></wfs:StoredQuery>
            </wfs:GetFeature>
            """);

        var request = WfsGetFeatureParser.Parse(WfsXmlQueryReader.Read(xml), "2.0.0", Catalog, Crs);

        Assert.Equal("plu_zones", request.Layer.Id);
        Assert.Equal("7", request.FeatureById);
    }

    [Theory]
    [InlineData("@gml:id", WfsValueKind.GmlId)]
    [InlineData("geomas:commune", WfsValueKind.Attribute)]
    [InlineData("geom", WfsValueKind.Geometry)]
    public void Value_reference_of_get_property_value(string reference, WfsValueKind kind)
    {
        var request = Kvp("?typenames=parcelles&valuereference=" + Uri.EscapeDataString(reference), propertyValue: true);

        Assert.Equal(kind, request.ValueReference!.Kind);
        Assert.Equal(kind == WfsValueKind.Geometry, request.Query.IncludeGeometry);
    }

    [Theory]
    [InlineData("&valuereference=", "InvalidParameterValue")]
    [InlineData("&valuereference=nope", "InvalidParameterValue")]
    [InlineData("", "MissingParameterValue")]
    public void Bad_value_reference_is_refused(string parameter, string code)
    {
        var error = KvpError("?typenames=parcelles" + parameter, propertyValue: true);

        Assert.Equal(code, error.Code);
        Assert.Equal("valueReference", error.Locator);
    }
}
