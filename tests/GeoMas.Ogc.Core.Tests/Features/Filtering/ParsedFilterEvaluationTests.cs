using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;
using GeoMas.Ogc.Core.Features.Filtering.Fes;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering;

/// <summary>Parsed filters run: CQL2 and FES filters evaluated with <see cref="FilterEvaluator"/> on hand-made features.</summary>
public sealed class ParsedFilterEvaluationTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly string[] Properties = ["nom", "population", "dep", "hauteur", "updated_at", "valid_from", "valid_to"];

    // Lambert-93 positions (x, y) of points near Gap, Briançon and Digne.
    private static readonly Feature[] Features =
    [
        new("05061", Factory.CreatePoint(new Coordinate(944500, 6389200)), ["Gap", 40656L, "05", 7.5, new DateTime(2021, 3, 1, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2005, 1, 1), null]),
        new("05023", Factory.CreatePoint(new Coordinate(989900, 6429600)), ["Briançon", 11467L, "05", 12.0, new DateTime(2019, 6, 3, 0, 0, 0, DateTimeKind.Utc), new DateOnly(2000, 1, 1), new DateOnly(2010, 1, 1)]),
        new("04070", Factory.CreatePoint(new Coordinate(955300, 6331800)), ["Digne-les-Bains", 16121L, "04", null, null, new DateOnly(2012, 1, 1), null]),
        new("05999", Factory.CreatePoint(new Coordinate(944400, 6389100)), ["gap-bis", null, "05", 3.0, new DateTime(2020, 12, 31, 0, 0, 0, DateTimeKind.Utc), new DateOnly(1990, 1, 1), new DateOnly(1995, 1, 1)]),
    ];

    private static string[] Matching(Filter filter)
    {
        var test = FilterEvaluator.Compile(filter, Properties);
        return Features.Where(test).Select(f => f.Id).ToArray();
    }

    private static readonly Cql2ParserOptions Lambert = new() { FilterCrs = CrsIdentifier.Parse("http://www.opengis.net/def/crs/EPSG/0/2154") };

    [Theory]
    [InlineData("dep = '05'", "05061,05023,05999")]
    [InlineData("population > 12000", "05061,04070")]
    [InlineData("population IS NULL", "05999")]
    [InlineData("NOT population IS NULL AND dep <> '05'", "04070")]
    [InlineData("nom LIKE 'G%'", "05061")]
    [InlineData("CASEI(nom) LIKE CASEI('g%')", "05061,05999")]
    [InlineData("CASEI(nom) = CASEI('GAP')", "05061")]
    [InlineData("population BETWEEN 11000 AND 17000", "05023,04070")]
    [InlineData("dep IN ('04', '06')", "04070")]
    [InlineData("hauteur * 2 > 20", "05023")]
    [InlineData("upper(nom) = 'GAP-BIS'", "05999")]
    [InlineData("updated_at > TIMESTAMP('2020-01-01T00:00:00Z')", "05061,05999")]
    [InlineData("T_DURING(updated_at, INTERVAL('2020-01-01', '..'))", "05061,05999")]
    [InlineData("T_BEFORE(updated_at, DATE('2020-01-01'))", "05023")]
    [InlineData("T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2011-06-01'))", "05061")]
    [InlineData("T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2008-01-01', '2013-01-01'))", "05061,05023,04070")]
    [InlineData("S_INTERSECTS(geometry, BBOX(944000, 6389000, 945000, 6390000))", "05061,05999")]
    [InlineData("S_WITHIN(geometry, POLYGON((940000 6380000, 960000 6380000, 960000 6400000, 940000 6400000, 940000 6380000)))", "05061,05999")]
    [InlineData("valid_from < valid_to", "05023,05999")]
    public void Cql2_filters_select_the_expected_features(string cql2, string expected) =>
        Assert.Equal(expected, string.Join(",", Matching(Cql2TextParser.Parse(cql2, Lambert).Filter)));

    [Fact]
    public void Fes_filters_select_the_expected_features()
    {
        const string ns = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
        string Run(string body) => string.Join(",", Matching(Fes20FilterReader.Read($"<fes:Filter {ns}>{body}</fes:Filter>").Filter));

        Assert.Equal("05061,05023", Run("<fes:PropertyIsGreaterThan><fes:ValueReference>geomas:hauteur</fes:ValueReference><fes:Literal>5</fes:Literal></fes:PropertyIsGreaterThan>"));
        Assert.Equal("05061,05999", Run("<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\" matchCase=\"false\"><fes:ValueReference>nom</fes:ValueReference><fes:Literal>gap*</fes:Literal></fes:PropertyIsLike>"));
        Assert.Equal("05061,05999", Run("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:2154\"><gml:pos>944450 6389150</gml:pos></gml:Point><fes:Distance uom=\"m\">100</fes:Distance></fes:DWithin>"));
        Assert.Equal("05023,04070", Run("<fes:Beyond><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:2154\"><gml:pos>944450 6389150</gml:pos></gml:Point><fes:Distance uom=\"km\">1</fes:Distance></fes:Beyond>"));
        Assert.Equal("05061", Run("<fes:ResourceId rid=\"communes.05061\"/>"));
        Assert.Equal("05061,05999", Run("<fes:After><fes:ValueReference>updated_at</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2020-06-01</gml:timePosition></gml:TimeInstant></fes:After>"));
        Assert.Equal("04070", Run("<fes:And><fes:PropertyIsNull><fes:ValueReference>hauteur</fes:ValueReference></fes:PropertyIsNull><fes:PropertyIsBetween><fes:ValueReference>population</fes:ValueReference><fes:LowerBoundary><fes:Literal>16000</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>17000</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween></fes:And>"));
    }
}
