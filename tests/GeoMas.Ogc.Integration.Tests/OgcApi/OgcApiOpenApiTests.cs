using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using Json.Schema;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// /api (OAF-2, OAF-P1..P6, OAF-14): a valid OpenAPI 3.0 document (the OAI meta-schema, see Schemas/README.md) whose
/// parameters have the exact shapes the ETS reads and which declares every parameter the server accepts.
/// </summary>
public sealed class OgcApiOpenApiTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private static readonly JsonSchema OpenApi30 =
        JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, "tests", "GeoMas.Ogc.Integration.Tests", "OgcApi", "Schemas", "openapi-3.0.schema.json"));

    private readonly HttpClient _client = server.App.CreateClient();

    private async Task<JsonElement> ApiAsync() =>
        (await GetOkAsync(_client, "/api", "application/vnd.oai.openapi+json;version=3.0")).Json;

    [Fact]
    public async Task OAF_2_the_document_validates_against_the_openapi_3_0_schema()
    {
        var api = await ApiAsync();
        var results = OpenApi30.Evaluate(api, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20)));
        Assert.Equal("3.0.3", api.GetProperty("openapi").GetString());
    }

    [Fact]
    public void The_meta_schema_rejects_a_broken_document()
    {
        using var broken = JsonDocument.Parse("""{"openapi":"3.0.3","info":{"title":"x"},"paths":{"/a":{"get":{"responses":{"200":{}}}}}}""");
        Assert.False(OpenApi30.Evaluate(broken.RootElement).IsValid); // no info.version, response without description
    }

    [Fact]
    public async Task Every_reference_resolves_inside_the_document()
    {
        var api = await ApiAsync();
        var references = new List<string>();
        Collect(api, references);

        Assert.NotEmpty(references);
        foreach (var reference in references.Distinct())
        {
            Assert.StartsWith("#/", reference, StringComparison.Ordinal);
            var node = api;
            foreach (var part in reference[2..].Split('/'))
                Assert.True(node.TryGetProperty(part, out node), $"{reference} does not resolve");
        }
    }

    [Fact]
    public async Task OAF_P1_limit_has_the_shape_the_ets_checks()
    {
        var limit = Parameter(await ApiAsync(), "/collections/parcelles/items", "limit");

        Assert.Equal("query", limit.GetProperty("in").GetString());
        Assert.False(limit.GetProperty("required").GetBoolean());
        Assert.Equal("form", limit.GetProperty("style").GetString());
        Assert.False(limit.GetProperty("explode").GetBoolean());
        var schema = limit.GetProperty("schema");
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(10000, schema.GetProperty("maximum").GetInt32());
        Assert.Equal(10, schema.GetProperty("default").GetInt32());
    }

    [Fact]
    public async Task OAF_P2_bbox_uses_the_1_0_0_form_with_top_level_min_and_max_items()
    {
        var bbox = Parameter(await ApiAsync(), "/collections/parcelles/items", "bbox");
        var schema = bbox.GetProperty("schema");

        Assert.Equal("form", bbox.GetProperty("style").GetString());
        Assert.False(bbox.GetProperty("explode").GetBoolean());
        Assert.Equal("array", schema.GetProperty("type").GetString());
        Assert.Equal(4, schema.GetProperty("minItems").GetInt32());
        Assert.Equal(6, schema.GetProperty("maxItems").GetInt32());
        Assert.Equal("number", schema.GetProperty("items").GetProperty("type").GetString());
        Assert.False(schema.TryGetProperty("oneOf", out _));
    }

    [Fact]
    public async Task OAF_P4_datetime_and_part_2_crs_parameters_are_declared()
    {
        var api = await ApiAsync();
        var datetime = Parameter(api, "/collections/plu_zones/items", "datetime");
        var crs = Parameter(api, "/collections/plu_zones/items", "crs");
        var bboxCrs = Parameter(api, "/collections/plu_zones/items", "bbox-crs");

        Assert.Equal("string", datetime.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("form", datetime.GetProperty("style").GetString());
        Assert.False(datetime.GetProperty("explode").GetBoolean());
        Assert.Equal("uri", crs.GetProperty("schema").GetProperty("format").GetString());
        Assert.Equal("uri", bboxCrs.GetProperty("schema").GetProperty("format").GetString());
        Assert.Equal("uri", Parameter(api, "/collections/plu_zones/items/{featureId}", "crs").GetProperty("schema").GetProperty("format").GetString());
    }

    public static readonly TheoryData<string> Collections = OgcApiCoreTests.Collections;

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task OAF_P6_every_declared_items_parameter_is_accepted_and_queryables_are_declared(string collection)
    {
        var api = await ApiAsync();
        var path = $"/collections/{collection}/items";
        var names = Parameters(api, path).Select(p => p.GetProperty("name").GetString()!).ToList();
        var queryables = (await GetOkAsync(_client, $"/collections/{collection}/queryables")).Json.GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Where(n => n != "geometry");

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "properties", "sortby" });
        Assert.Subset(names.ToHashSet(), queryables.ToHashSet());
        foreach (var name in names)
        {
            var response = await GetAsync(_client, $"{path}?{name}=x");
            // A bad value may be a 400, but never "unknown parameter".
            if (response.Status == HttpStatusCode.BadRequest)
                Assert.DoesNotContain("Unknown query parameter", response.Json.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OAF_14_every_operation_documents_its_error_statuses()
    {
        var api = await ApiAsync();
        foreach (var path in api.GetProperty("paths").EnumerateObject())
        {
            var responses = path.Value.GetProperty("get").GetProperty("responses");
            foreach (var status in new[] { "200", "400", "406", "500" })
                Assert.True(responses.TryGetProperty(status, out _), $"{path.Name} lacks {status}");
            if (path.Name.StartsWith("/collections/", StringComparison.Ordinal))
                Assert.True(responses.TryGetProperty("404", out _), $"{path.Name} lacks 404");
        }
        Assert.True(api.GetProperty("paths").TryGetProperty("/collections/sentiers/queryables", out _));
    }

    [Fact]
    public async Task The_document_is_served_under_the_public_url()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        using var response = await _client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://geo.example.org", json.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    private static JsonElement Parameter(JsonElement api, string path, string name) =>
        Parameters(api, path).Single(p => p.GetProperty("name").GetString() == name);

    private static IEnumerable<JsonElement> Parameters(JsonElement api, string path)
    {
        foreach (var parameter in api.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray())
        {
            if (parameter.TryGetProperty("$ref", out var reference))
            {
                var node = api;
                foreach (var part in reference.GetString()![2..].Split('/'))
                    node = node.GetProperty(part);
                yield return node;
            }
            else
            {
                yield return parameter;
            }
        }
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                        references.Add(property.Value.GetString()!);
                    else
                        Collect(property.Value, references);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, references);
                break;
        }
    }
}
