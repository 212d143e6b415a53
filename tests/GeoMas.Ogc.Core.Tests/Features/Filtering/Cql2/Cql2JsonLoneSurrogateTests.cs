using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering.Cql2;

/// <summary>
/// Found by the endpoint fuzz: an escaped lone surrogate in a CQL2-JSON string is valid JSON syntax, but reading it
/// as .NET text throws InvalidOperationException, which the OGC API answered with a 500. It is a filter error.
/// </summary>
public sealed class Cql2JsonLoneSurrogateTests
{
    [Theory]
    [InlineData("""{"op":"=","args":[{"property":"commune"},"\ud800"]}""")]
    [InlineData("""{"op":"=","args":[{"property":"\udc00"},"05061"]}""")]
    public void An_escaped_lone_surrogate_is_a_filter_parse_error(string json)
    {
        var error = Assert.Throws<FilterParseException>(() => Cql2JsonParser.Parse(json));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}
