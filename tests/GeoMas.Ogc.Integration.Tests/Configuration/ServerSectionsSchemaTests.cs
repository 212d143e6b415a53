using System.Text.Json.Nodes;
using GeoMas.Ogc.Server.Admin;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.Protection;
using GeoMas.Ogc.Server.RateLimiting;
using GeoMas.Ogc.Server.Reload;
using GeoMas.Ogc.Server.Usage;

namespace GeoMas.Ogc.Integration.Tests.Configuration;

/// <summary>
/// The sections the server binds itself (not GeoMasOptions, which ConfigSchemaTests covers): every option of their
/// POCOs is described in config/geomas.schema.json, and each definition is reachable from where it is written.
/// </summary>
public class ServerSectionsSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")))!;

    [Theory]
    [InlineData("server", typeof(ServerOptions))]
    [InlineData("rateLimits", typeof(RateLimitOptions))]
    [InlineData("rateLimitPolicy", typeof(RateLimitPolicyOptions))]
    [InlineData("metrics", typeof(MetricsOptions))]
    [InlineData("usage", typeof(UsageOptions))]
    [InlineData("admin", typeof(AdminOptions))]
    [InlineData("reload", typeof(ReloadOptions))]
    [InlineData("protection", typeof(ProtectionOptions))]
    [InlineData("protectionRenders", typeof(RenderProtectionOptions))]
    [InlineData("protectionExports", typeof(ExportProtectionOptions))]
    [InlineData("protectionBulkClients", typeof(BulkClientOptions))]
    [InlineData("protectionSecurityHeaders", typeof(SecurityHeadersOptions))]
    [InlineData("protectionRequests", typeof(RequestLimitsOptions))]
    public void Every_option_is_described(string definition, Type options)
    {
        var properties = Schema["$defs"]![definition]!["properties"]!.AsObject();

        var missing = options.GetProperties()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Where(name => !properties.ContainsKey(name));

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("rateLimits")]
    [InlineData("metrics")]
    [InlineData("usage")]
    [InlineData("admin")]
    [InlineData("reload")]
    [InlineData("protection")]
    public void Each_section_is_reachable_from_the_root(string section) =>
        Assert.Equal("#/$defs/" + section, Schema["properties"]![section]!["$ref"]!.GetValue<string>());

    [Fact]
    public void Nested_parts_are_reachable_from_their_section()
    {
        Assert.Equal("#/$defs/rateLimitPolicy", Schema["$defs"]!["rateLimits"]!["properties"]!["apiKey"]!["$ref"]!.GetValue<string>());
        var protection = Schema["$defs"]!["protection"]!["properties"]!.AsObject();
        Assert.Equal("#/$defs/protectionRenders", protection["renders"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/protectionRequests", protection["requests"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(Schema["$defs"]!["apiKey"]!["properties"]!["bulk"]);
    }
}
