using System.Text.Json.Nodes;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.RateLimiting;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>The rateLimits and metrics sections are bound by the server (not GeoMasOptions): their options must be in the schema too.</summary>
public class OperationsOptionsSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")))!;

    [Theory]
    [InlineData("rateLimits", typeof(RateLimitOptions))]
    [InlineData("rateLimitPolicy", typeof(RateLimitPolicyOptions))]
    [InlineData("metrics", typeof(MetricsOptions))]
    public void Every_option_is_described(string definition, Type options)
    {
        var properties = Schema["$defs"]![definition]!["properties"]!.AsObject();

        var missing = options.GetProperties()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Where(name => !properties.ContainsKey(name));

        Assert.Empty(missing);
        Assert.Equal("#/$defs/" + definition, definition == "rateLimitPolicy"
            ? Schema["$defs"]!["rateLimits"]!["properties"]!["apiKey"]!["$ref"]!.GetValue<string>()
            : Schema["properties"]![definition]!["$ref"]!.GetValue<string>());
    }
}
