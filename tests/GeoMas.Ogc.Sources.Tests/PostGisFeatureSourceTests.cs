using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Sources.PostGis;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>
/// The contract against the PostGIS database (GEOMAS_PG or the local default). These tests fail, not skip,
/// when the database is unreachable: the README's test script starts it.
/// </summary>
public sealed class PostGisFeatureSourceTests : FeatureSourceContractTests
{
    protected override IFeatureSource Source => Sources.PostGis;

    [Fact]
    public async Task Every_pooled_connection_carries_the_statement_timeout()
    {
        await using var source = new PostGisFeatureSource(TestLayers.PostGisSource(TimeSpan.FromMilliseconds(1500)), TestLayers.Crs);
        await using var command = source.DataSource.CreateCommand("SHOW statement_timeout");

        Assert.Equal("1500ms", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_query_past_the_statement_timeout_is_reported_unavailable()
    {
        await using var source = new PostGisFeatureSource(TestLayers.PostGisSource(TimeSpan.FromMilliseconds(1)), TestLayers.Crs);

        var e = await Assert.ThrowsAsync<ServiceException>(() => source.CountAsync(new FeatureQuery
        {
            Layer = TestLayers.Parcelles,
            Filter = new Core.Features.Filtering.Like(new Core.Features.Filtering.PropertyName("commune"), "%5%"),
        }, default));
        Assert.Equal(ErrorKind.Unavailable, e.Kind);
    }

    [Fact]
    public async Task An_unreachable_database_answers_ping_false_and_queries_unavailable()
    {
        var definition = TestLayers.PostGisSource() with { Connection = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2" };
        await using var source = new PostGisFeatureSource(definition, TestLayers.Crs);

        Assert.False(await source.PingAsync(default));
        var e = await Assert.ThrowsAsync<ServiceException>(() => source.CountAsync(new FeatureQuery { Layer = TestLayers.Communes }, default));
        Assert.Equal(ErrorKind.Unavailable, e.Kind);
    }

    [Fact]
    public void Connection_string_gets_pool_size_and_timeout()
    {
        var cs = PostGisFeatureSource.BuildConnectionString(new SourceDefinition
        {
            Id = "x",
            Kind = SourceKind.PostGis,
            Connection = "Host=h;Options=-c search_path=a",
            MaxPoolSize = 7,
            StatementTimeout = TimeSpan.FromSeconds(2),
        });

        Assert.Contains("Maximum Pool Size=7", cs, StringComparison.Ordinal);
        Assert.Contains("-c search_path=a -c statement_timeout=2000", cs, StringComparison.Ordinal);
    }
}
