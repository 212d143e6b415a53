using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering;

public sealed class FilterEvaluatorTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly string[] Properties = ["nom", "population", "hauteur", "datvalid", "updated_at", "classe", "actif", "surface"];

    /// <summary>Gap with realistic values; <paramref name="overrides"/> replace single properties (null included).</summary>
    private static Feature Commune(params (string Name, object? Value)[] overrides) => Build(null, "05061", overrides);

    private static Feature Build(Geometry? geometry, string id, params (string Name, object? Value)[] overrides)
    {
        object?[] values = ["Gap", 40656, 7.5, new DateOnly(2019, 6, 3), null, "nationale", null, null];
        foreach (var (name, value) in overrides)
            values[Array.IndexOf(Properties, name)] = value;
        return new Feature(id, geometry ?? Factory.CreatePoint(new Coordinate(944500, 6389200)), values);
    }

    private static Feature At(Geometry? geometry) => Build(geometry, "05061");

    private static Expression P(string name) => new PropertyName(name);

    private static Expression L(object? value) => new Literal(value);

    private static bool Eval(Filter filter, Feature feature) => FilterEvaluator.Compile(filter, Properties)(feature);

    [Theory]
    [InlineData(ComparisonOperator.Equal, "40656", true)]
    [InlineData(ComparisonOperator.NotEqual, "40656", false)]
    [InlineData(ComparisonOperator.LessThan, "100000", true)]
    [InlineData(ComparisonOperator.LessThan, "9999", false)]
    [InlineData(ComparisonOperator.GreaterThanOrEqual, "10000", true)]
    [InlineData(ComparisonOperator.GreaterThan, "40656", false)]
    [InlineData(ComparisonOperator.LessThanOrEqual, "40656.0", true)]
    public void TextLiteralsCompareNumericallyWithNumericProperties(ComparisonOperator op, string literal, bool expected) =>
        Assert.Equal(expected, Eval(new Comparison(op, P("population"), L(literal)), Commune()));

    [Fact]
    public void NumbersOfDifferentClrTypesCompareByValue()
    {
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("population"), L(40656L)), Commune(("population", 40656))));
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("population"), L(40656.0)), Commune(("population", 40656L))));
        Assert.True(Eval(new Comparison(ComparisonOperator.LessThan, P("hauteur"), L(8)), Commune(("hauteur", 7.5f))));
        Assert.True(Eval(new Comparison(ComparisonOperator.GreaterThan, P("surface"), L(2.5)), Commune(("surface", 3.25m))));
        // Text "9" sorts after "10" as a string but not as a number.
        Assert.True(Eval(new Comparison(ComparisonOperator.LessThan, P("population"), L("10")), Commune(("population", 9))));
    }

    [Fact]
    public void StringComparisonIsOrdinalAndMatchCaseFalseIgnoresCase()
    {
        var exact = new Comparison(ComparisonOperator.Equal, P("nom"), L("gap"));
        var ignoreCase = exact with { MatchCase = false };
        Assert.False(Eval(exact, Commune()));
        Assert.True(Eval(ignoreCase, Commune()));
        // Ordinal: 'É' (U+00C9) sorts after 'Z'.
        Assert.True(Eval(new Comparison(ComparisonOperator.GreaterThan, P("nom"), L("Z")), Commune(("nom", "Échirolles"))));
    }

    [Fact]
    public void NullNeverMatchesAComparisonButMatchesIsNull()
    {
        var feature = Commune(("classe", null));
        Assert.False(Eval(new Comparison(ComparisonOperator.Equal, P("classe"), L("x")), feature));
        Assert.False(Eval(new Comparison(ComparisonOperator.NotEqual, P("classe"), L("x")), feature));
        Assert.True(Eval(new IsNull(P("classe")), feature));
        Assert.False(Eval(new IsNull(P("nom")), feature));
        Assert.True(Eval(new IsNull(P("classe")), Commune(("classe", DBNull.Value))));
    }

    [Fact]
    public void DatesCompareWithIsoStrings()
    {
        var feature = Commune(("datvalid", new DateOnly(2019, 6, 3)), ("updated_at", new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.True(Eval(new Comparison(ComparisonOperator.GreaterThan, P("datvalid"), L("2019-01-01")), feature));
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("datvalid"), L("2019-06-03")), feature));
        Assert.False(Eval(new Comparison(ComparisonOperator.LessThan, P("datvalid"), L("2019-06-03")), feature));
        Assert.True(Eval(new Comparison(ComparisonOperator.LessThan, P("updated_at"), L("2024-03-01T10:00:01Z")), feature));
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("updated_at"), L("2024-03-01T12:00:00+02:00")), feature));
        Assert.True(Eval(new Comparison(ComparisonOperator.LessThan, P("updated_at"), L(new DateTime(2025, 1, 1))), feature));
    }

    [Fact]
    public void BooleansCompareWithTextLiterals()
    {
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("actif"), L("true")), Commune(("actif", true))));
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("actif"), L("0")), Commune(("actif", false))));
    }

    [Fact]
    public void BetweenIsInclusive()
    {
        var between = new Between(P("population"), L("2000"), L("9999"));
        Assert.True(Eval(between, Commune(("population", 2000))));
        Assert.True(Eval(between, Commune(("population", 9999))));
        Assert.False(Eval(between, Commune(("population", 10000))));
        Assert.False(Eval(between, Commune(("population", null))));
    }

    [Theory]
    [InlineData("Rue*", '*', '?', '\\', true, "Rue des Lilas", true)]
    [InlineData("rue*", '*', '?', '\\', true, "Rue des Lilas", false)]
    [InlineData("rue*", '*', '?', '\\', false, "Rue des Lilas", true)]
    [InlineData("D ???", '*', '?', '\\', true, "D 123", true)]
    [InlineData("D ???", '*', '?', '\\', true, "D 1026", false)]
    [InlineData("100\\%", '%', '_', '\\', true, "100%", true)]
    [InlineData("100\\%", '%', '_', '\\', true, "1000", false)]
    [InlineData("a.c", '*', '?', '!', true, "abc", false)]
    [InlineData("*(N)*", '*', '.', '!', true, "Route (N) 85", true)]
    [InlineData("!*x", '*', '?', '!', true, "*x", true)]
    public void LikeHonoursItsWildcardCharacters(string pattern, char wild, char single, char escape, bool matchCase, string value, bool expected) =>
        Assert.Equal(expected, Eval(new Like(P("nom"), pattern, wild, single, escape, matchCase), Commune(("nom", value))));

    [Fact]
    public void LikeOnNumbersUsesTheirInvariantText() =>
        Assert.True(Eval(new Like(P("population"), "406%", '%', '_', '\\'), Commune(("population", 40656))));

    [Fact]
    public void LogicalOperatorsCombine()
    {
        var big = new Comparison(ComparisonOperator.GreaterThan, P("population"), L("10000"));
        var nationale = new Comparison(ComparisonOperator.Equal, P("classe"), L("nationale"));
        Assert.True(Eval(new And([big, nationale]), Commune()));
        Assert.False(Eval(new And([big, nationale]), Commune(("classe", "chemin"))));
        Assert.True(Eval(new Or([big, nationale]), Commune(("classe", "chemin"))));
        Assert.False(Eval(new Not(new Or([big, nationale])), Commune(("classe", "chemin"))));
        Assert.True(Eval(new Constant(true), Commune()));
        Assert.False(Eval(new Constant(false), Commune()));
        Assert.True(Eval(new In(P("classe"), [L("autoroute"), L("nationale")]), Commune()));
        Assert.False(Eval(new In(P("classe"), [L("autoroute")]), Commune()));
    }

    [Fact]
    public void IdInMatchesBareAndTypePrefixedIds()
    {
        Assert.True(Eval(new IdIn(["05061"]), Commune()));
        Assert.True(Eval(new IdIn(["communes.05061"]), Commune()));
        Assert.False(Eval(new IdIn(["05062", "communes.05001"]), Commune()));
    }

    [Fact]
    public void SpatialPredicatesUseTheFeatureGeometry()
    {
        var square = Factory.ToGeometry(new Envelope(0, 10, 0, 10));
        var inside = At(Factory.CreatePoint(new Coordinate(5, 5)));
        var outside = At(Factory.CreatePoint(new Coordinate(20, 5)));
        var crossing = At(Factory.CreateLineString([new Coordinate(-5, 5), new Coordinate(5, 5)]));
        var big = At(Factory.ToGeometry(new Envelope(-5, 15, -5, 15)));

        Assert.True(Eval(new SpatialFilter(SpatialOperator.BBox, null, square, 2154), inside));
        Assert.False(Eval(new SpatialFilter(SpatialOperator.BBox, null, square, 2154), outside));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Intersects, "geom", square, 2154), crossing));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Within, null, square, 2154), inside));
        Assert.False(Eval(new SpatialFilter(SpatialOperator.Within, null, square, 2154), crossing));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Contains, null, square, 2154), big));
        Assert.False(Eval(new SpatialFilter(SpatialOperator.Contains, null, square, 2154), inside));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Disjoint, null, square, 2154), outside));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Crosses, null, square, 2154), crossing));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.DWithin, null, square, 2154, 10.5), outside));
        Assert.False(Eval(new SpatialFilter(SpatialOperator.DWithin, null, square, 2154, 9.5), outside));
        Assert.True(Eval(new SpatialFilter(SpatialOperator.Beyond, null, square, 2154, 9.5), outside));
        Assert.False(Eval(new SpatialFilter(SpatialOperator.Intersects, null, square, 2154), new Feature("x", null, new object?[Properties.Length])));
    }

    [Fact]
    public void TemporalPredicatesCompareInstants()
    {
        var feature = Commune(("updated_at", new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc)));
        var t2019 = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var t2021 = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(Eval(new TemporalFilter(TemporalOperator.After, "updated_at", t2019, null), feature));
        Assert.False(Eval(new TemporalFilter(TemporalOperator.Before, "updated_at", t2019, null), feature));
        Assert.True(Eval(new TemporalFilter(TemporalOperator.During, "updated_at", t2019, t2021), feature));
        Assert.True(Eval(new TemporalFilter(TemporalOperator.During, "updated_at", null, t2021), feature));
        Assert.False(Eval(new TemporalFilter(TemporalOperator.During, "updated_at", t2021, null), feature));
    }

    [Fact]
    public void UnknownPropertiesAndFunctionsFailAtCompileTime()
    {
        Assert.Throws<ArgumentException>(() =>
            FilterEvaluator.Compile(new Comparison(ComparisonOperator.Equal, P("missing"), L("1")), Properties));
        Assert.Throws<ArgumentException>(() =>
            FilterEvaluator.CompileLabel(new FunctionCall("noSuchFunction", [P("nom")]), Properties));
    }

    [Fact]
    public void PropertyNamesResolveCaseInsensitivelyWhenNoExactMatch() =>
        Assert.True(Eval(new Comparison(ComparisonOperator.Equal, P("NOM"), L("Gap")), Commune()));

    [Fact]
    public void ArithmeticWorksOnNumbersAndYieldsNullOnNull()
    {
        var doubled = new Arithmetic(ArithmeticOperator.Multiply, P("hauteur"), L("2"));
        Assert.Equal(15.0, FilterEvaluator.Evaluate(doubled, Commune(("hauteur", 7.5)), Properties));
        Assert.Null(FilterEvaluator.Evaluate(doubled, Commune(("hauteur", null)), Properties));
        Assert.True(FilterEvaluator.Evaluate(new Comparison(ComparisonOperator.GreaterThan, doubled, L("14")), Commune(), Properties));
    }
}
