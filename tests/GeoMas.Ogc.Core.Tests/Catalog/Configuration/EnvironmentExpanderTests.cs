using GeoMas.Ogc.Core.Catalog.Configuration;

namespace GeoMas.Ogc.Core.Tests.Catalog.Configuration;

public class EnvironmentExpanderTests
{
    private static readonly Dictionary<string, string> Env = new() { ["GEOMAS_PG"] = "Host=db;Database=x", ["EMPTY"] = "" };

    private static string Expand(string text, out IReadOnlyList<string> missing) =>
        EnvironmentExpander.Expand(text, name => Env.GetValueOrDefault(name), out missing);

    [Theory]
    [InlineData("${GEOMAS_PG:-Host=127.0.0.1}", "Host=db;Database=x")]
    [InlineData("${UNSET:-Host=127.0.0.1;Password=a:-b}", "Host=127.0.0.1;Password=a:-b")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("pre ${GEOMAS_PG} post", "pre Host=db;Database=x post")]
    [InlineData("Password=pa$$word", "Password=pa$word")]
    [InlineData("no references", "no references")]
    [InlineData("${unterminated", "${unterminated")]
    public void Expands_references(string text, string expected)
    {
        Assert.Equal(expected, Expand(text, out var missing));
        Assert.Empty(missing);
    }

    [Fact]
    public void Unset_variable_without_default_is_reported()
    {
        var result = Expand("Host=${DB_HOST};Password=${DB_PASSWORD}", out var missing);
        Assert.Equal("Host=;Password=", result);
        Assert.Equal(["DB_HOST", "DB_PASSWORD"], missing);
    }
}
