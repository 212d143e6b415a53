using System.Text.Json.Nodes;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Protection;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>The protection section (bound by the server, not GeoMasOptions) and the server section: every option in the schema.</summary>
public class ProtectionOptionsSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")))!;

    [Theory]
    [InlineData("protection", typeof(ProtectionOptions))]
    [InlineData("protectionRenders", typeof(RenderProtectionOptions))]
    [InlineData("protectionExports", typeof(ExportProtectionOptions))]
    [InlineData("protectionBulkClients", typeof(BulkClientOptions))]
    [InlineData("protectionSecurityHeaders", typeof(SecurityHeadersOptions))]
    [InlineData("protectionRequests", typeof(RequestLimitsOptions))]
    [InlineData("server", typeof(ServerOptions))]
    public void Every_option_is_described(string definition, Type options)
    {
        var properties = Schema["$defs"]![definition]!["properties"]!.AsObject();

        var missing = options.GetProperties()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Where(name => !properties.ContainsKey(name));

        Assert.Empty(missing);
    }

    [Fact]
    public void The_section_is_reachable_from_the_root_and_each_part_from_the_section()
    {
        Assert.Equal("#/$defs/protection", Schema["properties"]!["protection"]!["$ref"]!.GetValue<string>());
        var parts = Schema["$defs"]!["protection"]!["properties"]!.AsObject();
        Assert.Equal("#/$defs/protectionRenders", parts["renders"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/protectionRequests", parts["requests"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(Schema["$defs"]!["apiKey"]!["properties"]!["bulk"]);
    }
}
