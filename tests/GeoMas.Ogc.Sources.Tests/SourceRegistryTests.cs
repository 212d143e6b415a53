using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Sources.GeoPackage;
using GeoMas.Ogc.Sources.PostGis;

namespace GeoMas.Ogc.Sources.Tests;

public sealed class SourceRegistryTests
{
    [Fact]
    public async Task Creates_one_source_per_vector_definition_and_finds_it_by_layer()
    {
        var pg = TestLayers.PostGisSource() with { Id = "pg" };
        var gpkg = TestLayers.GeoPackageSource() with { Id = "demo" };
        var ortho = new SourceDefinition { Id = "ortho", Kind = SourceKind.Raster, Connection = "ortho.tif" };
        await using var registry = new SourceRegistry([pg, gpkg, ortho], TestLayers.Crs);

        Assert.Equal(2, registry.All.Count);
        Assert.IsType<PostGisFeatureSource>(registry.Get("pg"));
        var source = Assert.IsType<GeoPackageFeatureSource>(registry.For(TestLayers.Communes with { SourceId = "demo" }));
        Assert.Equal("demo", source.SourceId);
        Assert.Equal(360, await source.CountAsync(new Core.Features.FeatureQuery { Layer = TestLayers.Communes }, default));
    }

    [Fact]
    public async Task Unknown_sources_are_configuration_errors()
    {
        await using var registry = new SourceRegistry([TestLayers.GeoPackageSource()], TestLayers.Crs);

        Assert.Equal(ErrorKind.Internal, Assert.Throws<ServiceException>(() => registry.For(TestLayers.Communes with { SourceId = "nope" })).Kind);
        Assert.Equal(ErrorKind.Internal, Assert.Throws<ServiceException>(() => registry.Get("nope")).Kind);
        Assert.Throws<ArgumentException>(() => new SourceRegistry([TestLayers.GeoPackageSource(), TestLayers.GeoPackageSource()], TestLayers.Crs));
    }

    [Fact]
    public async Task A_missing_geopackage_is_unavailable_not_a_crash()
    {
        await using var registry = new SourceRegistry([TestLayers.GeoPackageSource() with { Connection = "/nonexistent/x.gpkg" }], TestLayers.Crs);
        var source = registry.Get("test");

        Assert.False(await source.PingAsync(default));
        var e = await Assert.ThrowsAsync<ServiceException>(() => source.CountAsync(new Core.Features.FeatureQuery { Layer = TestLayers.Communes }, default));
        Assert.Equal(ErrorKind.Unavailable, e.Kind);
    }
}
