using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;
using static GeoMas.Ogc.Rendering.Tests.Sld.SldSamples;

namespace GeoMas.Ogc.Rendering.Tests.Sld;

public sealed class SldFilterReaderTests
{
    private static Filter ReadFilter(string filterContent) =>
        ParseRule($"<ogc:Filter>{filterContent}</ogc:Filter><LineSymbolizer/>").Filter!;

    private static Expression P(string name) => new PropertyName(name);

    private static Expression L(string value) => new Literal(value);

    [Theory]
    [InlineData("PropertyIsEqualTo", ComparisonOperator.Equal)]
    [InlineData("PropertyIsNotEqualTo", ComparisonOperator.NotEqual)]
    [InlineData("PropertyIsLessThan", ComparisonOperator.LessThan)]
    [InlineData("PropertyIsGreaterThan", ComparisonOperator.GreaterThan)]
    [InlineData("PropertyIsLessThanOrEqualTo", ComparisonOperator.LessThanOrEqual)]
    [InlineData("PropertyIsGreaterThanOrEqualTo", ComparisonOperator.GreaterThanOrEqual)]
    public void ComparisonOperatorsMapToTheAst(string element, ComparisonOperator op) =>
        Assert.Equal(
            new Comparison(op, P("classe"), L("chemin")),
            ReadFilter($"<ogc:{element}><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>chemin</ogc:Literal></ogc:{element}>"));

    [Fact]
    public void MatchCaseFalseIsKept() =>
        Assert.False(Assert.IsType<Comparison>(ReadFilter(
            "<ogc:PropertyIsEqualTo matchCase=\"false\"><ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>GAP</ogc:Literal></ogc:PropertyIsEqualTo>")).MatchCase);

    [Fact]
    public void LikeReadsFes10AndFes11WildcardAttributes()
    {
        Assert.Equal(
            new Like(P("nom"), "Rue*", '*', '.', '!', true),
            ReadFilter("<ogc:PropertyIsLike wildCard=\"*\" singleChar=\".\" escape=\"!\"><ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>Rue*</ogc:Literal></ogc:PropertyIsLike>"));
        Assert.Equal(
            new Like(P("nom"), "D %", '%', '_', '\\', false),
            ReadFilter("<ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\" matchCase=\"false\"><ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>D %</ogc:Literal></ogc:PropertyIsLike>"));
    }

    [Fact]
    public void NullBetweenAndLogicalOperatorsNest()
    {
        var filter = ReadFilter("""
            <ogc:Or>
              <ogc:PropertyIsNull><ogc:PropertyName>commune</ogc:PropertyName></ogc:PropertyIsNull>
              <ogc:And>
                <ogc:PropertyIsBetween>
                  <ogc:PropertyName>largeur</ogc:PropertyName>
                  <ogc:LowerBoundary><ogc:Literal>5</ogc:Literal></ogc:LowerBoundary>
                  <ogc:UpperBoundary><ogc:Literal>8</ogc:Literal></ogc:UpperBoundary>
                </ogc:PropertyIsBetween>
                <ogc:Not><ogc:PropertyIsEqualTo><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>chemin</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Not>
              </ogc:And>
            </ogc:Or>
            """);

        var or = Assert.IsType<Or>(filter);
        Assert.Equal(new IsNull(P("commune")), or.Operands[0]);
        var and = Assert.IsType<And>(or.Operands[1]);
        Assert.Equal(new Between(P("largeur"), L("5"), L("8")), and.Operands[0]);
        Assert.Equal(new Not(new Comparison(ComparisonOperator.Equal, P("classe"), L("chemin"))), and.Operands[1]);
    }

    [Fact]
    public void FeatureIdsAndGmlObjectIdsBecomeIdIn()
    {
        var fes10 = Assert.IsType<IdIn>(ReadFilter("<ogc:FeatureId fid=\"communes.05061\"/><ogc:FeatureId fid=\"communes.05037\"/>"));
        Assert.Equal(["communes.05061", "communes.05037"], fes10.Ids);
        var fes11 = Assert.IsType<IdIn>(ReadFilter("<ogc:GmlObjectId gml:id=\"parcelles.05061000AB0123\"/>"));
        Assert.Equal(["parcelles.05061000AB0123"], fes11.Ids);
    }

    [Fact]
    public void ArithmeticAndFunctionsAreExpressions()
    {
        var filter = ReadFilter("""
            <ogc:PropertyIsGreaterThan>
              <ogc:Mul><ogc:PropertyName>hauteur</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:Mul>
              <ogc:Literal>20</ogc:Literal>
            </ogc:PropertyIsGreaterThan>
            """);
        Assert.Equal(new Arithmetic(ArithmeticOperator.Multiply, P("hauteur"), L("2")), Assert.IsType<Comparison>(filter).Left);
    }

    [Fact]
    public void BboxWithGml2BoxAndShortEpsgIsXy()
    {
        var spatial = Assert.IsType<SpatialFilter>(ReadFilter("""
            <ogc:BBOX>
              <ogc:PropertyName>geom</ogc:PropertyName>
              <gml:Box srsName="EPSG:2154"><gml:coordinates>944000,6388700 945000,6389700</gml:coordinates></gml:Box>
            </ogc:BBOX>
            """));
        Assert.Equal((SpatialOperator.BBox, "geom", 2154), (spatial.Operator, spatial.Property, spatial.Srid));
        Assert.Equal(new Envelope(944000, 945000, 6388700, 6389700), spatial.Geometry.EnvelopeInternal);
    }

    [Fact]
    public void BboxWithGml3EnvelopeInUrn4326IsSwappedToLonLat()
    {
        var spatial = Assert.IsType<SpatialFilter>(ReadFilter("""
            <ogc:BBOX>
              <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326">
                <gml:lowerCorner>44.5 6.0</gml:lowerCorner><gml:upperCorner>44.6 6.1</gml:upperCorner>
              </gml:Envelope>
            </ogc:BBOX>
            """));
        Assert.Null(spatial.Property);
        Assert.Equal(4326, spatial.Srid);
        Assert.Equal(new Envelope(6.0, 6.1, 44.5, 44.6), spatial.Geometry.EnvelopeInternal);
    }

    [Fact]
    public void IntersectsWithGml3PolygonWithHole()
    {
        var spatial = Assert.IsType<SpatialFilter>(ReadFilter("""
            <ogc:Intersects>
              <ogc:PropertyName>geom</ogc:PropertyName>
              <gml:Polygon srsName="http://www.opengis.net/def/crs/EPSG/0/2154">
                <gml:exterior><gml:LinearRing><gml:posList>0 0 10 0 10 10 0 10 0 0</gml:posList></gml:LinearRing></gml:exterior>
                <gml:interior><gml:LinearRing><gml:posList>2 2 4 2 4 4 2 2</gml:posList></gml:LinearRing></gml:interior>
              </gml:Polygon>
            </ogc:Intersects>
            """));
        var polygon = Assert.IsType<Polygon>(spatial.Geometry);
        Assert.Equal((SpatialOperator.Intersects, 2154, 1), (spatial.Operator, spatial.Srid, polygon.NumInteriorRings));
        Assert.Equal(100 - 2, polygon.Area, 6);
    }

    [Fact]
    public void WithinWithGml2PolygonAndDWithinWithPoint()
    {
        var within = Assert.IsType<SpatialFilter>(ReadFilter("""
            <ogc:Within>
              <ogc:PropertyName>geom</ogc:PropertyName>
              <gml:Polygon><gml:outerBoundaryIs><gml:LinearRing>
                <gml:coordinates>0,0 10,0 10,10 0,0</gml:coordinates>
              </gml:LinearRing></gml:outerBoundaryIs></gml:Polygon>
            </ogc:Within>
            """));
        Assert.Equal((SpatialOperator.Within, 0), (within.Operator, within.Srid));
        Assert.Equal(50, within.Geometry.Area, 6);

        var dwithin = Assert.IsType<SpatialFilter>(ReadFilter("""
            <ogc:DWithin>
              <ogc:PropertyName>geom</ogc:PropertyName>
              <gml:Point srsName="EPSG:2154"><gml:pos>944500 6389200</gml:pos></gml:Point>
              <ogc:Distance units="m">250</ogc:Distance>
            </ogc:DWithin>
            """));
        Assert.Equal((SpatialOperator.DWithin, 250.0), (dwithin.Operator, dwithin.Distance));
        Assert.Equal(new Coordinate(944500, 6389200), dwithin.Geometry.Coordinate);
    }
}
