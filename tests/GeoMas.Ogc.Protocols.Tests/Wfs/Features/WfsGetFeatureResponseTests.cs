using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Tests.Wfs.Features;

public sealed class WfsGetFeatureResponseTests
{
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Gml31 = "http://www.opengis.net/gml";
    private static readonly XNamespace App = "http://geomas.org/ogc";

    private readonly WfsFeatureResponseHost _host = new();

    [Fact]
    public async Task Gml32_collection_is_schema_valid_with_counts_ids_multi_geometries_and_escaped_values()
    {
        var response = await _host.GetAsync("?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:parcelles");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/gml+xml; version=3.2", response.ContentType);
        var root = response.Xml.Root!;
        Assert.Equal(Wfs + "FeatureCollection", root.Name);
        Assert.Equal("2026-11-28T12:00:00Z", (string?)root.Attribute("timeStamp"));
        Assert.Equal("3", (string?)root.Attribute("numberMatched"));
        Assert.Equal("3", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        var features = root.Elements(Wfs + "member").Select(m => m.Elements().Single()).ToList();
        Assert.Equal(["parcelles.05061000AB0001", "parcelles.05061000AB0002", "parcelles.05061000AB0003"],
            features.Select(f => (string?)f.Attribute(Gml + "id")));
        // The single polygon is written as a one-member MultiSurface, as the schema types the property.
        Assert.All(features.Take(2), f => Assert.Equal(Gml + "MultiSurface", f.Element(App + "geom")!.Elements().Single().Name));
        Assert.Null(features[2].Element(App + "geom"));
        Assert.Equal("A&B <x>", features[2].Element(App + "section")!.Value);
        Assert.Null(features[1].Element(App + "contenance")); // null: left out
        Assert.Equal("2025-03-01T10:30:00Z", features[0].Element(App + "updated_at")!.Value);
        Assert.Equal("944000 6389000 944010 6389000 944010 6389010 944000 6389010 944000 6389000",
            features[0].Descendants(Gml + "posList").First().Value);

        Assert.Empty(await WfsGml32Schemas.ValidateAsync(response.Body, [WfsFeatureTestCatalog.Parcelles]));
    }

    [Fact]
    public async Task Pages_carry_next_and_previous_that_repeat_the_request()
    {
        var first = (await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&typenames=parcelles&count=2&sortby=numero")).Xml.Root!;

        Assert.Equal("3", (string?)first.Attribute("numberMatched"));
        Assert.Equal("2", (string?)first.Attribute("numberReturned"));
        Assert.Equal(2, first.Elements(Wfs + "member").Count());
        Assert.Null(first.Attribute("previous"));
        var next = (string)first.Attribute("next")!;
        Assert.StartsWith("https://maps.example.org/geo/wfs?", next, StringComparison.Ordinal);
        Assert.Contains("sortby=numero", next, StringComparison.Ordinal);
        Assert.Contains("STARTINDEX=2&COUNT=2", next, StringComparison.Ordinal);

        var second = (await _host.GetAsync(new Uri(next).Query)).Xml.Root!;
        Assert.Equal("1", (string?)second.Attribute("numberReturned"));
        Assert.Equal("parcelles.05061000AB0003", (string?)second.Element(Wfs + "member")!.Elements().Single().Attribute(Gml + "id"));
        Assert.Null(second.Attribute("next"));
        Assert.Contains("STARTINDEX=0&COUNT=2", (string)second.Attribute("previous")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_return_no_member_no_previous_and_a_next_to_the_first_page()
    {
        var root = (await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&typenames=geomas:parcelles&count=1&resulttype=hits")).Xml.Root!;

        Assert.Equal("3", (string?)root.Attribute("numberMatched"));
        Assert.Equal("0", (string?)root.Attribute("numberReturned"));
        Assert.Empty(root.Elements());
        Assert.Null(root.Attribute("previous"));
        var next = (string)root.Attribute("next")!;
        Assert.DoesNotContain("resulttype", next, StringComparison.OrdinalIgnoreCase);

        var page = (await _host.GetAsync(new Uri(next).Query)).Xml.Root!;
        Assert.Equal("1", (string?)page.Attribute("numberReturned"));
    }

    [Fact]
    public async Task Srsname_is_echoed_verbatim_on_every_geometry_and_the_urn_of_4326_is_written_lat_lon()
    {
        var response = await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&typenames=parcelles&srsname=urn:ogc:def:crs:EPSG::4326");

        var srsNames = response.Xml.Descendants().Attributes("srsName").Select(a => a.Value).ToList();
        Assert.Equal(2, srsNames.Count);
        Assert.All(srsNames, s => Assert.Equal("urn:ogc:def:crs:EPSG::4326", s));
        // The fixed source does not transform: the swap shows as northing first.
        Assert.StartsWith("6389000 944000", response.Xml.Descendants(Gml + "posList").First().Value, StringComparison.Ordinal);

        var lonLat = await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&typenames=parcelles&srsname=EPSG:4326");
        Assert.All(lonLat.Xml.Descendants().Attributes("srsName"), a => Assert.Equal("EPSG:4326", a.Value));
        Assert.StartsWith("944000 6389000", lonLat.Xml.Descendants(Gml + "posList").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_feature_by_id_answers_the_bare_feature_and_an_unknown_id_is_not_found()
    {
        var response = await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&storedquery_id=urn:ogc:def:query:OGC-WFS::GetFeatureById&id=parcelles.05061000AB0002");

        var root = response.Xml.Root!;
        Assert.Equal(App + "parcelles", root.Name);
        Assert.Equal("parcelles.05061000AB0002", (string?)root.Attribute(Gml + "id"));
        Assert.Empty(await WfsGml32Schemas.ValidateAsync(response.Body, [WfsFeatureTestCatalog.Parcelles]));

        var error = await Assert.ThrowsAnyAsync<ServiceException>(() =>
            _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&storedquery_id=http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById&id=parcelles.nope"));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("NotFound", error.Code);
    }

    [Fact]
    public async Task Get_property_value_returns_a_value_collection()
    {
        var ids = await _host.GetAsync("?service=WFS&version=2.0.0&request=GetPropertyValue&typenames=parcelles&valuereference=@gml:id", propertyValue: true);
        var root = ids.Xml.Root!;
        Assert.Equal(Wfs + "ValueCollection", root.Name);
        Assert.Equal(["parcelles.05061000AB0001", "parcelles.05061000AB0002", "parcelles.05061000AB0003"], root.Elements(Wfs + "member").Select(m => m.Value));
        Assert.Empty(await WfsGml32Schemas.ValidateAsync(ids.Body, [WfsFeatureTestCatalog.Parcelles]));

        var sections = (await _host.GetAsync("?typenames=parcelles&valuereference=section&count=2", propertyValue: true)).Xml.Root!;
        Assert.Equal(["AB", "AB"], sections.Elements(Wfs + "member").Select(m => m.Value));
        Assert.NotNull(sections.Attribute("next"));
    }

    [Fact]
    public async Task Wfs11_collection_uses_gml311_feature_members()
    {
        var response = await _host.GetAsync("?service=WFS&version=1.1.0&request=GetFeature&typename=parcelles&maxfeatures=2", "1.1.0");

        var root = response.Xml.Root!;
        Assert.Equal(XNamespace.Get("http://www.opengis.net/wfs") + "FeatureCollection", root.Name);
        Assert.Equal("2", (string?)root.Attribute("numberOfFeatures"));
        Assert.Equal(2, root.Elements(Gml31 + "featureMember").Count());
        Assert.Equal("text/xml; subtype=gml/3.1.1", response.ContentType);
    }

    [Fact]
    public async Task GeoJson_streams_prefixed_ids_and_needs_no_count_when_the_page_is_not_full()
    {
        var response = await _host.GetAsync("?service=WFS&version=2.0.0&request=GetFeature&typenames=parcelles&outputformat=application/geo%2Bjson&srsname=EPSG:2154");

        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Body);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["parcelles.05061000AB0001", "parcelles.05061000AB0002", "parcelles.05061000AB0003"], features.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("numberMatched").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("numberReturned").GetInt64());
        Assert.Equal(0, _host.Source.Counts);

        var paged = JsonDocument.Parse((await _host.GetAsync("?typenames=parcelles&outputformat=json&count=2")).Body).RootElement;
        Assert.Equal(2, paged.GetProperty("numberReturned").GetInt64());
        Assert.Equal(3, paged.GetProperty("numberMatched").GetInt64());
        Assert.Equal("next", paged.GetProperty("links")[0].GetProperty("rel").GetString());
    }

    [Fact]
    public async Task Csv_has_a_header_row_and_one_line_per_feature()
    {
        var response = await _host.GetAsync("?typenames=parcelles&outputformat=text/csv&propertyname=commune,numero,geom");

        var lines = response.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("commune,numero,WKT", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("05061,1,\"MULTIPOLYGON", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xml_post_without_links_and_filters_reach_the_source()
    {
        var body = XElement.Parse("""
            <wfs:GetFeature service="WFS" version="2.0.0" count="1" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0">
              <wfs:Query typeNames="parcelles"><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>section</fes:ValueReference><fes:Literal>AB</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Query>
            </wfs:GetFeature>
            """);

        var root = (await _host.PostAsync(body)).Xml.Root!;

        Assert.Equal("1", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        Assert.NotNull(_host.Source.Queries.Single().Filter);
    }
}
