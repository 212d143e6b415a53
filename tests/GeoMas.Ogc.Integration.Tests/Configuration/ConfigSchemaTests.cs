using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Server.Configuration;
using Json.Schema;

namespace GeoMas.Ogc.Integration.Tests.Configuration;

/// <summary>config/geomas.schema.json describes the shipped files and every option the server binds.</summary>
public class ConfigSchemaTests
{
    /// <summary>Loaded once for every test: JsonSchema.Net registers a schema's $id globally and refuses a second load.</summary>
    internal static readonly JsonSchema Schema = JsonSchema.FromFile(RepositoryPaths.Config("geomas.schema.json"));

    private static EvaluationResults Validate(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Theory]
    [InlineData("geomas.json")]
    [InlineData("geomas.postgis.json")]
    public void Shipped_configuration_files_follow_the_schema(string file)
    {
        var results = Validate(File.ReadAllText(RepositoryPaths.Config(file)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("""{"layers":[{"id":"a","source":"main","table":"t","idColumn":"id","geometryType":"polygon","srid":2154,"styles":[]}]}""")] // no service/sources/crs
    [InlineData("""{"extends":"geomas.json","limits":{"maxWidth":"wide"}}""")]
    [InlineData("""{"extends":"geomas.json","layers":[{"id":"a","tabel":"typo"}]}""")]
    [InlineData("""{"extends":"geomas.json","sources":{"main":{"kind":"oracle"}}}""")]
    [InlineData("""{"extends":"geomas.json","layers":[{"id":"g","kind":"group"}]}""")]
    public void Mistakes_are_caught_by_the_schema(string json)
    {
        Assert.False(Validate(json).IsValid);
    }

    [Fact]
    public void Every_bound_option_is_described()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.schema.json")));
        var schema = JsonNode.Parse(document.RootElement.GetRawText())!;
        var missing = new List<string>();

        Collect(typeof(GeoMasOptions), schema, "", schema, missing);
        var server = schema["$defs"]!["server"]!;
        Collect(typeof(ServerOptions), server, "server", schema, missing);

        Assert.Empty(missing);
    }

    /// <summary>Each public property of an options class must appear (camelCase) in the schema object describing it.</summary>
    private static void Collect(Type type, JsonNode node, string path, JsonNode root, List<string> missing)
    {
        node = Resolve(node, root);
        var properties = node["properties"]?.AsObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var propertyPath = path.Length == 0 ? name : path + "." + name;
            if (properties?[name] is not { } child)
            {
                missing.Add(propertyPath);
                continue;
            }
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsGenericType && typeof(IDictionary).IsAssignableFrom(propertyType))
                Collect(propertyType.GetGenericArguments()[1], Resolve(child, root)["additionalProperties"]!, propertyPath + ".*", root, missing);
            else if (propertyType.IsGenericType && typeof(IList).IsAssignableFrom(propertyType) && IsOptionsClass(propertyType.GetGenericArguments()[0]))
                Collect(propertyType.GetGenericArguments()[0], Resolve(child, root)["items"]!, propertyPath + "[]", root, missing);
            else if (IsOptionsClass(propertyType))
                Collect(propertyType, child, propertyPath, root, missing);
        }
    }

    private static bool IsOptionsClass(Type type) => type.IsClass && type != typeof(string) && type.Namespace!.StartsWith("GeoMas", StringComparison.Ordinal);

    private static JsonNode Resolve(JsonNode node, JsonNode root)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            node = root;
            foreach (var segment in reference.TrimStart('#', '/').Split('/'))
                node = node[segment]!;
        }
        return node;
    }
}
