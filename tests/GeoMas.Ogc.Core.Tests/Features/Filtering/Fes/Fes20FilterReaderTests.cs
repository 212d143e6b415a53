using System.Text;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Fes;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering.Fes;

public sealed class Fes20FilterReaderTests
{
    private const string Ns = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:geomas=\"https://geomas.example/ns\"";

    private static string Filter(string body) => $"<fes:Filter {Ns}>{body}</fes:Filter>";

    private static string Read(string body, Fes20ReaderOptions? options = null) =>
        FilterFormatter.ToText(Fes20FilterReader.Read(Filter(body), options).Filter);

    private static string Vr(string name) => $"<fes:ValueReference>{name}</fes:ValueReference>";

    private static string Lit(string value) => $"<fes:Literal>{value}</fes:Literal>";

    [Theory]
    [InlineData("PropertyIsEqualTo", "Equal")]
    [InlineData("PropertyIsNotEqualTo", "NotEqual")]
    [InlineData("PropertyIsLessThan", "LessThan")]
    [InlineData("PropertyIsGreaterThan", "GreaterThan")]
    [InlineData("PropertyIsLessThanOrEqualTo", "LessThanOrEqual")]
    [InlineData("PropertyIsGreaterThanOrEqualTo", "GreaterThanOrEqual")]
    public void Comparisons(string element, string op)
    {
        Assert.Equal($"{op}(nom, 'Gap')", Read($"<fes:{element}>{Vr("geomas:nom")}{Lit("Gap")}</fes:{element}>"));
        Assert.Equal($"{op}[nocase](nom, 'gap')", Read($"<fes:{element} matchCase=\"false\" matchAction=\"Any\">{Vr("nom")}{Lit("gap")}</fes:{element}>"));
    }

    [Theory]
    [InlineData("<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">{0}<fes:Literal>Ga*</fes:Literal></fes:PropertyIsLike>", "Like(nom, 'Ga*', wildCard='*', singleChar='.', escape='!')")]
    [InlineData("<fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\" matchCase=\"false\">{0}<fes:Literal>g_p%</fes:Literal></fes:PropertyIsLike>", "Like[nocase](nom, 'g_p%')")]
    [InlineData("<fes:PropertyIsNull>{0}</fes:PropertyIsNull>", "IsNull(nom)")]
    [InlineData("<fes:PropertyIsNil nilReason=\"missing\">{0}</fes:PropertyIsNil>", "IsNull(nom)")]
    [InlineData("<fes:PropertyIsBetween>{0}<fes:LowerBoundary><fes:Literal>1</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>9</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>", "Between(nom, '1', '9')")]
    [InlineData("<fes:Not><fes:PropertyIsNull>{0}</fes:PropertyIsNull></fes:Not>", "NOT(IsNull(nom))")]
    [InlineData("<fes:And><fes:PropertyIsNull>{0}</fes:PropertyIsNull><fes:Or><fes:PropertyIsEqualTo>{0}<fes:Literal>a</fes:Literal></fes:PropertyIsEqualTo><fes:PropertyIsEqualTo>{0}<fes:Literal>b</fes:Literal></fes:PropertyIsEqualTo></fes:Or></fes:And>", "AND(IsNull(nom), OR(Equal(nom, 'a'), Equal(nom, 'b')))")]
    [InlineData("<fes:PropertyIsEqualTo><fes:Function name=\"upper\">{0}</fes:Function><fes:Literal>GAP</fes:Literal></fes:PropertyIsEqualTo>", "Equal(strToUpperCase(nom), 'GAP')")]
    [InlineData("<fes:PropertyIsEqualTo><fes:Function name=\"strConcat\">{0}<fes:Literal>-</fes:Literal></fes:Function><fes:Literal>Gap-</fes:Literal></fes:PropertyIsEqualTo>", "Equal(Concatenate(nom, '-'), 'Gap-')")]
    [InlineData("<fes:PropertyIsGreaterThan><fes:Function name=\"length\">{0}</fes:Function><fes:Literal>3</fes:Literal></fes:PropertyIsGreaterThan>", "GreaterThan(strLength(nom), '3')")]
    [InlineData("<fes:PropertyIsGreaterThan><fes:Mul>{0}<fes:Literal>2</fes:Literal></fes:Mul><fes:Add><fes:Literal>1</fes:Literal><fes:Sub><fes:Literal>5</fes:Literal><fes:Div><fes:Literal>4</fes:Literal><fes:Literal>2</fes:Literal></fes:Div></fes:Sub></fes:Add></fes:PropertyIsGreaterThan>", "GreaterThan((nom * '2'), ('1' + ('5' - ('4' / '2'))))")]
    public void Scalar_operators(string template, string expected) =>
        Assert.Equal(expected, Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Vr("geomas:nom"))));

    [Theory]
    [InlineData("<fes:ResourceId rid=\"parcelles.12\"/>", "Ids('parcelles.12')")]
    [InlineData("<fes:ResourceId rid=\"parcelles.12\"/><fes:ResourceId rid=\"13\"/>", "Ids('parcelles.12', '13')")]
    public void Resource_ids(string body, string expected) => Assert.Equal(expected, Read(body));

    [Fact]
    public void Resource_ids_of_queried_types_lose_their_type_prefix()
    {
        var options = new Fes20ReaderOptions { TypeNames = new HashSet<string> { "parcelles" } };
        Assert.Equal("Ids('12', '13', 'batiments.14', 'a.b.c')",
            Read("<fes:ResourceId rid=\"parcelles.12\"/><fes:ResourceId rid=\"geomas:parcelles.13\"/><fes:ResourceId rid=\"batiments.14\"/><fes:ResourceId rid=\"a.b.c\"/>", options));
        Assert.Throws<FilterParseException>(() => Read("<fes:And><fes:ResourceId rid=\"1\"/><fes:PropertyIsNull><fes:ValueReference>a</fes:ValueReference></fes:PropertyIsNull></fes:And>"));
    }

    [Theory]
    // Lambert-93 envelope, with or without ValueReference.
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::2154\"><gml:lowerCorner>943000 6387000</gml:lowerCorner><gml:upperCorner>946000 6390000</gml:upperCorner></gml:Envelope></fes:BBOX>",
        "BBox(<default>, POLYGON ((943000 6387000, 943000 6390000, 946000 6390000, 946000 6387000, 943000 6387000)), srid=2154)")]
    [InlineData("<fes:BBOX><fes:ValueReference>geomas:geom</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>44.5 6.0</gml:lowerCorner><gml:upperCorner>44.6 6.1</gml:upperCorner></gml:Envelope></fes:BBOX>",
        "BBox(geom, POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326)")]
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><gml:lowerCorner>44.5 6.0</gml:lowerCorner><gml:upperCorner>44.6 6.1</gml:upperCorner></gml:Envelope></fes:BBOX>",
        "BBox(<default>, POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326)")]
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>6.0 44.5</gml:lowerCorner><gml:upperCorner>6.1 44.6</gml:upperCorner></gml:Envelope></fes:BBOX>",
        "BBox(<default>, POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326)")]
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:OGC:1.3:CRS84\"><gml:lowerCorner>6.0 44.5</gml:lowerCorner><gml:upperCorner>6.1 44.6</gml:upperCorner></gml:Envelope></fes:BBOX>",
        "BBox(<default>, POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326)")]
    public void Bbox_and_axis_order(string body, string expected) => Assert.Equal(expected, Read(body));

    [Theory]
    [InlineData("Intersects", "Intersects")]
    [InlineData("Disjoint", "Disjoint")]
    [InlineData("Contains", "Contains")]
    [InlineData("Within", "Within")]
    [InlineData("Touches", "Touches")]
    [InlineData("Crosses", "Crosses")]
    [InlineData("Overlaps", "Overlaps")]
    [InlineData("Equals", "Equals")]
    public void Spatial_operators(string element, string op)
    {
        var body = $"<fes:{element}>{Vr("geomas:geom")}<gml:Point gml:id=\"p1\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>44.56 6.08</gml:pos></gml:Point></fes:{element}>";
        Assert.Equal($"{op}(geom, POINT (6.08 44.56), srid=4326)", Read(body));
    }

    [Theory]
    [InlineData("<gml:LineString srsName=\"EPSG:2154\"><gml:posList>1 2 3 4</gml:posList></gml:LineString>", "LINESTRING (1 2, 3 4), srid=2154")]
    [InlineData("<gml:LineString srsName=\"urn:ogc:def:crs:EPSG::4326\" srsDimension=\"3\"><gml:posList>44 6 100 45 7 200</gml:posList></gml:LineString>", "LINESTRING (6 44, 7 45), srid=4326")]
    [InlineData("<gml:LineString srsName=\"EPSG:2154\"><gml:pos>1 2</gml:pos><gml:pos>3 4</gml:pos></gml:LineString>", "LINESTRING (1 2, 3 4), srid=2154")]
    [InlineData("<gml:Polygon srsName=\"EPSG:2154\"><gml:exterior><gml:LinearRing><gml:posList>0 0 10 0 10 10 0 10 0 0</gml:posList></gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList>2 2 3 2 3 3 2 2</gml:posList></gml:LinearRing></gml:interior></gml:Polygon>",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2)), srid=2154")]
    [InlineData("<gml:MultiPoint srsName=\"EPSG:2154\"><gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember><gml:pointMember><gml:Point><gml:pos>3 4</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>", "MULTIPOINT ((1 2), (3 4)), srid=2154")]
    [InlineData("<gml:MultiCurve srsName=\"EPSG:2154\"><gml:curveMember><gml:LineString><gml:posList>1 2 3 4</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>", "MULTILINESTRING ((1 2, 3 4)), srid=2154")]
    [InlineData("<gml:MultiSurface srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>44 6 44 7 45 7 44 6</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>",
        "MULTIPOLYGON (((6 44, 7 44, 7 45, 6 44))), srid=4326")]
    [InlineData("<gml:Point><gml:pos>944500 6389200</gml:pos></gml:Point>", "POINT (944500 6389200), srid=0")]
    public void Gml_geometries(string geometry, string expected) =>
        Assert.Equal($"Intersects(geom, {expected})", Read($"<fes:Intersects>{Vr("geom")}{geometry}</fes:Intersects>"));

    [Fact]
    public void Geometries_without_srsName_take_the_default_crs()
    {
        var options = new Fes20ReaderOptions { DefaultCrs = CrsIdentifier.Parse("urn:ogc:def:crs:EPSG::4326") };
        Assert.Equal("Intersects(geom, POINT (6.08 44.56), srid=4326)",
            Read($"<fes:Intersects>{Vr("geom")}<gml:Point><gml:pos>44.56 6.08</gml:pos></gml:Point></fes:Intersects>", options));
    }

    [Theory]
    [InlineData("EPSG:2154", "<fes:Distance uom=\"m\">150</fes:Distance>", "150.0")]
    [InlineData("EPSG:2154", "<fes:Distance uom=\"km\">1.5</fes:Distance>", "1500.0")]
    [InlineData("EPSG:2154", "<fes:Distance uom=\"urn:ogc:def:uom:EPSG::9001\">150</fes:Distance>", "150.0")]
    [InlineData("EPSG:2154", "<fes:Distance>150</fes:Distance>", "150.0")]
    [InlineData("EPSG:4326", "<fes:Distance uom=\"deg\">0.01</fes:Distance>", "0.01")]
    [InlineData("EPSG:4326", "<fes:Distance uom=\"m\">1113.1949079327358</fes:Distance>", "0.01")]
    public void Distances_are_converted_to_crs_units(string srs, string distance, string expected)
    {
        var body = $"<fes:DWithin>{Vr("geom")}<gml:Point srsName=\"{srs}\"><gml:pos>1 2</gml:pos></gml:Point>{distance}</fes:DWithin>";
        var filter = (SpatialFilter)Fes20FilterReader.Read(Filter(body)).Filter;
        Assert.Equal(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), filter.Distance!.Value, 9);
        Assert.Equal(SpatialOperator.DWithin, filter.Operator);
        Assert.Equal("Beyond(geom, POINT (1 2), srid=2154, distance=10.0)",
            Read($"<fes:Beyond>{Vr("geom")}<gml:Point srsName=\"EPSG:2154\"><gml:pos>1 2</gml:pos></gml:Point><fes:Distance uom=\"m\">10</fes:Distance></fes:Beyond>"));
    }

    [Fact]
    public void Degrees_in_a_projected_crs_are_refused() =>
        Assert.Throws<FilterParseException>(() => Read($"<fes:DWithin>{Vr("geom")}<gml:Point srsName=\"EPSG:2154\"><gml:pos>1 2</gml:pos></gml:Point><fes:Distance uom=\"deg\">1</fes:Distance></fes:DWithin>"));

    private const string Instant = "<gml:TimeInstant gml:id=\"t1\"><gml:timePosition>2020-01-01T00:00:00Z</gml:timePosition></gml:TimeInstant>";
    private const string Period = "<gml:TimePeriod gml:id=\"t2\"><gml:beginPosition>2020-01-01</gml:beginPosition><gml:endPosition>2020-12-31</gml:endPosition></gml:TimePeriod>";
    private const string OpenPeriod = "<gml:TimePeriod gml:id=\"t3\"><gml:begin><gml:TimeInstant gml:id=\"t4\"><gml:timePosition>2020-01-01</gml:timePosition></gml:TimeInstant></gml:begin><gml:endPosition indeterminatePosition=\"unknown\"/></gml:TimePeriod>";

    [Theory]
    [InlineData("After", Instant, "After(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("Before", Instant, "Before(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("TEquals", Instant, "TEquals(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("During", Period, "During(updated_at, 2020-01-01T00:00:00Z, 2020-12-31T00:00:00Z)")]
    [InlineData("During", OpenPeriod, "GreaterThan(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))")]
    [InlineData("AnyInteracts", Period, "AnyInteracts(updated_at, 2020-01-01T00:00:00Z, 2020-12-31T00:00:00Z)")]
    public void Temporal_operators(string element, string time, string expected) =>
        Assert.Equal(expected, Read($"<fes:{element}>{Vr("geomas:updated_at")}{time}</fes:{element}>"));

    [Fact]
    public void Fes11_ogc_filters_are_read_by_the_same_reader()
    {
        const string filter = """
            <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml">
              <ogc:And>
                <ogc:PropertyIsLike wildCard="*" singleChar="#" escape="!"><ogc:PropertyName>geomas:nom</ogc:PropertyName><ogc:Literal>Ga*</ogc:Literal></ogc:PropertyIsLike>
                <ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope srsName="EPSG:4326"><gml:lowerCorner>6.0 44.5</gml:lowerCorner><gml:upperCorner>6.1 44.6</gml:upperCorner></gml:Envelope></ogc:BBOX>
                <ogc:DWithin><ogc:PropertyName>geom</ogc:PropertyName><gml:Point srsName="EPSG:2154"><gml:coordinates>944500,6389200</gml:coordinates></gml:Point><ogc:Distance units="m">100</ogc:Distance></ogc:DWithin>
              </ogc:And>
            </ogc:Filter>
            """;
        Assert.Equal(
            "AND(Like(nom, 'Ga*', wildCard='*', singleChar='#', escape='!'), BBox(geom, POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326), DWithin(geom, POINT (944500 6389200), srid=2154, distance=100.0))",
            FilterFormatter.ToText(Fes20FilterReader.Read(filter).Filter));
        const string ids = """<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:FeatureId fid="parcelles.1"/><ogc:FeatureId fid="parcelles.2"/></ogc:Filter>""";
        Assert.Equal("Ids('parcelles.1', 'parcelles.2')", FilterFormatter.ToText(Fes20FilterReader.Read(ids).Filter));
    }

    [Fact]
    public void Undeclared_fes_and_gml_prefixes_are_accepted_and_unprefixed_filters_too()
    {
        Assert.Equal("Equal(nom, 'Gap')", FilterFormatter.ToText(Fes20FilterReader.Read(
            "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>nom</fes:ValueReference><fes:Literal>Gap</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>").Filter));
        Assert.Equal("Equal(nom, 'Gap')", FilterFormatter.ToText(Fes20FilterReader.Read(
            "<Filter><PropertyIsEqualTo><ValueReference>nom</ValueReference><Literal>Gap</Literal></PropertyIsEqualTo></Filter>").Filter));
    }

    [Fact]
    public void Reads_from_a_stream_and_reports_referenced_properties()
    {
        var xml = Filter($"<fes:And><fes:PropertyIsNull>{Vr("geomas:nom")}</fes:PropertyIsNull><fes:BBOX>{Vr("geomas:geom")}<gml:Envelope><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And>");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var parsed = Fes20FilterReader.Read(stream);
        Assert.Equal(["geom", "nom"], parsed.ReferencedProperties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("geomas:nom", "nom")]
    [InlineData("nom", "nom")]
    [InlineData("geomas:parcelles/geomas:nom", "nom")]
    [InlineData("/geomas:parcelles/geomas:nom", "nom")]
    [InlineData("gml:name", "gml:name")]
    [InlineData(" geomas:nom ", "nom")]
    public void Value_references_are_reduced_to_property_names(string reference, string expected) =>
        Assert.Equal($"IsNull({expected})", Read($"<fes:PropertyIsNull>{Vr(reference)}</fes:PropertyIsNull>"));

    [Theory]
    [InlineData("geomas:nom[1]")]
    [InlineData("@gml:id")]
    [InlineData("//nom")]
    [InlineData("a/b/c")]
    [InlineData("count(nom)")]
    [InlineData("nom'; DROP TABLE parcelles; --")]
    [InlineData("")]
    public void Complex_xpath_is_refused(string reference) =>
        Assert.Throws<FilterParseException>(() => Read($"<fes:PropertyIsNull>{Vr(reference)}</fes:PropertyIsNull>"));

    [Theory]
    [InlineData("<fes:PropertyIsEqualTo><fes:ValueReference>nom</fes:ValueReference></fes:PropertyIsEqualTo>", 1)]
    [InlineData("<fes:PropertyIsFancy/>", 1)]
    [InlineData("<fes:And><fes:PropertyIsNull><fes:ValueReference>a</fes:ValueReference></fes:PropertyIsNull></fes:And>", 1)]
    [InlineData("<fes:PropertyIsLike wildCard=\"**\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>a</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsLike>", 1)]
    [InlineData("<fes:PropertyIsEqualTo matchAction=\"Some\"><fes:ValueReference>a</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>", 1)]
    [InlineData("<fes:Intersects><fes:ValueReference>g</fes:ValueReference><gml:Point srsName=\"EPSG:999999x\"><gml:pos>1 2</gml:pos></gml:Point></fes:Intersects>", 1)]
    [InlineData("<fes:Intersects><fes:ValueReference>g</fes:ValueReference><gml:Point><gml:pos>1 two</gml:pos></gml:Point></fes:Intersects>", 1)]
    [InlineData("<fes:Intersects><fes:ValueReference>g</fes:ValueReference><gml:LineString><gml:posList>1 2 3</gml:posList></gml:LineString></fes:Intersects>", 1)]
    [InlineData("<fes:Intersects><fes:ValueReference>g</fes:ValueReference><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects>", 1)]
    [InlineData("<fes:During><fes:ValueReference>d</fes:ValueReference><gml:TimeInstant><gml:timePosition>2020-01-01</gml:timePosition></gml:TimeInstant></fes:During>", 1)]
    [InlineData("<fes:Meets><fes:ValueReference>d</fes:ValueReference><gml:TimeInstant><gml:timePosition>2020-01-01</gml:timePosition></gml:TimeInstant></fes:Meets>", 1)]
    [InlineData("<fes:PropertyIsEqualTo><fes:Function name=\"exec\"><fes:Literal>rm</fes:Literal></fes:Function><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>", 1)]
    public void Invalid_filters_fail_with_line_and_column(string body, int line)
    {
        var error = Assert.Throws<FilterParseException>(() => Read(body));
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void Not_well_formed_xml_is_a_filter_parse_error()
    {
        var error = Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read("<fes:Filter><fes:PropertyIsNull>"));
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Dtds_and_external_entities_are_refused()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET");
        try
        {
            var xxe = $"""<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file://{secret}">]><fes:Filter {Ns}><fes:PropertyIsEqualTo><fes:ValueReference>nom</fes:ValueReference><fes:Literal>&x;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>""";
            var error = Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read(xxe));
            Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
            const string bomb = """<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Filter><PropertyIsNull><ValueReference>&b;</ValueReference></PropertyIsNull></Filter>""";
            Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read(bomb));
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xxe));
            Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read(stream));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Oversized_filters_are_refused_also_from_streams()
    {
        var options = new Fes20ReaderOptions { MaxLength = 500 };
        var big = Filter($"<fes:PropertyIsEqualTo>{Vr("nom")}{Lit(new string('x', 1000))}</fes:PropertyIsEqualTo>");
        Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read(big, options));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(big));
        Assert.Throws<FilterParseException>(() => Fes20FilterReader.Read(stream, options));
    }

    [Fact]
    public void Literal_values_stay_values()
    {
        Assert.Equal("Equal(nom, 'x''); DROP TABLE parcelles; --')",
            Read($"<fes:PropertyIsEqualTo>{Vr("nom")}{Lit("x'); DROP TABLE parcelles; --")}</fes:PropertyIsEqualTo>"));
    }
}
