using System.Text.Json.Nodes;
using GeoMas.Ogc.Server.Reload;

namespace GeoMas.Ogc.Integration.Tests.Reload;

/// <summary>The reload section is bound by the server (not GeoMasOptions): its options must be in the schema too.</summary>
public class ReloadOptionsSchemaTests
{
    [Fact]
    public void Every_reload_option_is_described()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")))!;
        var properties = schema["$defs"]!["reload"]!["properties"]!.AsObject();

        var missing = typeof(ReloadOptions).GetProperties()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Where(name => !properties.ContainsKey(name));

        Assert.Empty(missing);
        Assert.Equal("#/$defs/reload", schema["properties"]!["reload"]!["$ref"]!.GetValue<string>());
    }
}
