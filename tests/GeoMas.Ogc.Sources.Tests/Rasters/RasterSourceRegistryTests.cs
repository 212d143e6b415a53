using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;
using GeoMas.Ogc.Sources.Tests.Rasters.Mosaics;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Rasters;

public sealed class RasterSourceRegistryTests
{
    private static readonly CrsRegistry Crs = new();

    private static string DemoOrtho
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "config", "demo", "geomas-demo-ortho.tif");
                if (File.Exists(candidate))
                    return candidate;
            }
            throw new InvalidOperationException("config/demo/geomas-demo-ortho.tif not found");
        }
    }

    private static CatalogSnapshot Catalog(params (string Layer, SourceDefinition Source, int Srid)[] rasters)
    {
        var sources = rasters.Select(r => r.Source).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        var layers = rasters.Select(r => new LayerDefinition { Id = r.Layer, Title = r.Layer, Kind = LayerKind.Raster, SourceId = r.Source.Id, Srid = r.Srid })
            .Append(new LayerDefinition { Id = "roads", Title = "Roads", SourceId = "main" })
            .ToList();
        return new CatalogSnapshot(new ServiceMetadata { Title = "test" }, sources, layers, new ServiceLimits(), [2154], "1");
    }

    private static SourceDefinition Raster(string id, string path) => new() { Id = id, Kind = SourceKind.Raster, Connection = path };

    [Fact]
    public async Task Opens_a_cog_file_and_a_folder_mosaic_and_hands_them_out_by_layer()
    {
        var folder = Directory.CreateTempSubdirectory("geomas-mosaic-");
        try
        {
            File.Copy(DemoOrtho, Path.Combine(folder.FullName, "tile.tif"));
            var catalog = Catalog(("ortho", Raster("ortho", DemoOrtho), 2154), ("mosaic", Raster("folder", folder.FullName), 2154));
            var (registry, errors) = RasterSourceRegistry.Open(catalog, [new LocalRasterSourceFactory(CogFiles.Open)], Crs);

            Assert.Empty(errors);
            await using (registry!)
            {
                var ortho = registry!.For(catalog.FindLayer("ortho")!);
                Assert.Equal(new Envelope(944000, 945000, 6388700, 6389700), ortho.Info.Extent);
                Assert.Equal(0.2, ortho.Info.ResolutionX, 9);
                var mosaic = Assert.IsType<MosaicRasterSource>(registry.For(catalog.FindLayer("mosaic")!));
                Assert.Equal(ortho.Info.Extent, mosaic.Info.Extent);

                // The layer without a configured extent takes its source's.
                var filled = registry.WithSourceExtents(catalog);
                Assert.Equal(ortho.Info.Extent, filled.FindLayer("ortho")!.Extent);
                Assert.True(filled.FindLayer("roads")!.Extent.IsNull);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_broken_layer_is_reported_at_once()
    {
        var catalog = Catalog(
            ("missing", Raster("missing", "/nonexistent/ortho.tif"), 2154),
            ("wrong_crs", Raster("ortho", DemoOrtho), 3857),
            ("not_tiff", Raster("text", Path.GetTempFileName()), 2154),
            ("remote", new SourceDefinition { Id = "remote", Kind = SourceKind.RemoteWmts, Connection = "https://example.org/wmts" }, 2154));

        var (registry, errors) = RasterSourceRegistry.Open(catalog, [new LocalRasterSourceFactory(CogFiles.Open)], Crs);

        Assert.Null(registry);
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("layer 'missing'", StringComparison.Ordinal) && e.Contains("neither a file nor a folder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("layer 'wrong_crs'", StringComparison.Ordinal) && e.Contains("EPSG:2154", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("layer 'not_tiff'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("layer 'remote'", StringComparison.Ordinal) && e.Contains("no raster reader", StringComparison.Ordinal));

        // The server opens cascaded sources later, from the container: local loading leaves them out.
        var (local, none) = RasterSourceRegistry.Open(Catalog(("remote", catalog.Sources["remote"], 2154)), [new LocalRasterSourceFactory(CogFiles.Open)], Crs, skipUnhandled: true);
        Assert.Empty(none);
        Assert.Empty(local!.Sources);
    }

    [Fact]
    public async Task Merged_registries_serve_both_and_dispose_every_source()
    {
        var a = GridImage.Pattern(0, 10, 1, 10, 10);
        var b = GridImage.Pattern(0, 10, 1, 10, 10);
        var factory = new FixedFactory(new Dictionary<string, IRasterSource> { ["a"] = a, ["b"] = b });
        var catalogA = Catalog(("a", Raster("a", "a"), 2154));
        var catalogB = Catalog(("b", Raster("b", "b"), 2154));
        var merged = RasterSourceRegistry.Merge(
            RasterSourceRegistry.Open(catalogA, [factory], Crs).Registry!,
            RasterSourceRegistry.Open(catalogB, [factory], Crs).Registry!);

        Assert.Same(a, merged.For(catalogA.FindLayer("a")!));
        Assert.Same(b, merged.For(catalogB.FindLayer("b")!));
        await merged.DisposeAsync();
        Assert.True(a.Disposed);
        Assert.True(b.Disposed);
    }

    private sealed class FixedFactory(Dictionary<string, IRasterSource> byConnection) : IRasterSourceFactory
    {
        public bool CanOpen(SourceDefinition source) => byConnection.ContainsKey(source.Connection);

        public IRasterSource Open(SourceDefinition source, LayerDefinition layer) => byConnection[source.Connection];
    }
}
