using System.Text.Json;

namespace GeoMas.Ogc.Integration.Tests.Security;

public class SecuredSampleSchemaTests
{
    [Fact]
    public void The_secured_sample_follows_the_schema_and_the_schema_catches_a_plain_key()
    {
        var schema = Configuration.ConfigSchemaTests.Schema;
        var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Config("geomas.secured.sample.json"))).RootElement;
        var plainKey = JsonDocument.Parse("""{"extends":"geomas.json","security":{"apiKeys":[{"id":"k","hash":"my-secret"}]}}""").RootElement;

        Assert.True(schema.Evaluate(sample).IsValid);
        Assert.False(schema.Evaluate(plainKey).IsValid);
    }
}
