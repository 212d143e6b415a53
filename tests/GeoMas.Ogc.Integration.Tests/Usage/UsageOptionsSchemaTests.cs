using System.Text.Json.Nodes;
using GeoMas.Ogc.Server.Admin;
using GeoMas.Ogc.Server.Usage;

namespace GeoMas.Ogc.Integration.Tests.Usage;

/// <summary>The usage and admin sections are bound by the server (not GeoMasOptions): their options must be in the schema too.</summary>
public class UsageOptionsSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")))!;

    [Theory]
    [InlineData("usage", typeof(UsageOptions))]
    [InlineData("admin", typeof(AdminOptions))]
    public void Every_option_is_described(string definition, Type options)
    {
        var properties = Schema["$defs"]![definition]!["properties"]!.AsObject();

        var missing = options.GetProperties()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Where(name => !properties.ContainsKey(name));

        Assert.Empty(missing);
        Assert.Equal("#/$defs/" + definition, Schema["properties"]![definition]!["$ref"]!.GetValue<string>());
    }
}
