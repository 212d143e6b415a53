using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering;

public sealed class LabelExpressionTests
{
    private static readonly string[] Properties = ["nom", "numero", "hauteur", "section", "datvalid"];

    private static string? Label(Expression expression, params object?[] values) =>
        FilterEvaluator.CompileLabel(expression, Properties)(new Feature("1", null, values));

    [Theory]
    [InlineData(123, "123")]
    [InlineData(123L, "123")]
    [InlineData(12.0, "12")]
    [InlineData(7.25, "7.25")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(-3.5f, "-3.5")]
    [InlineData(1234567.5, "1234567.5")]
    public void NumbersAreFormattedInvariantlyWithoutUselessDecimals(object value, string expected) =>
        Assert.Equal(expected, Label(new PropertyName("numero"), "x", value, null, null, null));

    [Fact]
    public void DecimalsAndDatesAreInvariant()
    {
        Assert.Equal("12.5", Label(new PropertyName("hauteur"), null, null, 12.50m, null, null));
        Assert.Equal("2019-06-03", Label(new PropertyName("datvalid"), null, null, null, null, new DateOnly(2019, 6, 3)));
    }

    [Fact]
    public void ConcatenateJoinsTextAndProperties()
    {
        var expression = new FunctionCall("Concatenate", [new PropertyName("section"), new Literal(" "), new PropertyName("numero")]);
        Assert.Equal("AB 123", Label(expression, "Gap", 123, 7.0, "AB", null));
        Assert.Equal("AB ", Label(expression, "Gap", null, 7.0, "AB", null));
    }

    [Fact]
    public void CaseFunctionsTransformText()
    {
        Assert.Equal("SAINT-BONNET", Label(new FunctionCall("strToUpperCase", [new PropertyName("nom")]), "Saint-Bonnet", 1, 1.0, "A", null));
        Assert.Equal("gap", Label(new FunctionCall("strToLowerCase", [new PropertyName("nom")]), "GAP", 1, 1.0, "A", null));
    }

    [Fact]
    public void NullOrEmptyTextMeansNoLabel()
    {
        Assert.Null(Label(new PropertyName("nom"), null, 1, 1.0, "A", null));
        Assert.Null(Label(new PropertyName("nom"), "", 1, 1.0, "A", null));
        Assert.Null(Label(new PropertyName("nom"), DBNull.Value, 1, 1.0, "A", null));
    }
}
