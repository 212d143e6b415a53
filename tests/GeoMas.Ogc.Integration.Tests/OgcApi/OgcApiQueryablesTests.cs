using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>OGC-CHECKLISTS.md OAF-F2: /collections/{id}/queryables is a JSON Schema 2020-12 linked from the collection.</summary>
public sealed class OgcApiQueryablesTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = server.App.CreateClient();

    [Fact]
    public async Task OAF_F2_queryables_is_a_closed_json_schema_of_the_published_properties_and_the_geometry()
    {
        var collection = await GetOkAsync(_client, "/collections/plu_zones", "application/json");
        var link = collection.Link("http://www.opengis.net/def/rel/ogc/1.0/queryables");
        var queryables = await GetOkAsync(_client, PathOf(link), "application/schema+json");

        Assert.Equal("application/schema+json", link.GetProperty("type").GetString());
        Assert.Equal("application/schema+json", queryables.ContentType);
        var schema = queryables.Json;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(link.GetProperty("href").GetString(), schema.GetProperty("$id").GetString());
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var properties = schema.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("libelle").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("id").GetProperty("type").GetString());
        Assert.Equal("date", properties.GetProperty("valid_from").GetProperty("format").GetString());
        var geometry = properties.GetProperty("geometry");
        Assert.Equal("geometry-polygon-or-multipolygon", geometry.GetProperty("format").GetString());
        Assert.False(geometry.TryGetProperty("type", out _));
        Assert.False(geometry.TryGetProperty("$ref", out _));
    }

    [Theory]
    [InlineData("sentiers", "duree_h", "number", "geometry-linestring-or-multilinestring")]
    [InlineData("parcelles", "updated_at", "string", "geometry-polygon-or-multipolygon")]
    public async Task OAF_F2_types_follow_the_catalog(string collection, string property, string type, string geometryFormat)
    {
        var queryables = await GetOkAsync(_client, $"/collections/{collection}/queryables");

        Assert.Equal(type, queryables.Json.GetProperty("properties").GetProperty(property).GetProperty("type").GetString());
        Assert.Equal(geometryFormat, queryables.Json.GetProperty("properties").GetProperty("geometry").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Queryables_of_an_unknown_collection_is_404() =>
        await GetErrorAsync(_client, "/collections/nope/queryables", HttpStatusCode.NotFound);
}
