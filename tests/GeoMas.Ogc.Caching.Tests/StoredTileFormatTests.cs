using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests;

/// <summary>Which encoding an "image/png" tile is stored in: paletted for vector maps, full colour where a raster is drawn.</summary>
public sealed class StoredTileFormatTests
{
    private static readonly LayerDefinition Vector = new TestCatalog().Layer;
    private static readonly LayerDefinition Ortho = new() { Id = "ortho", Title = "Ortho", Kind = LayerKind.Raster };

    private static TileRequest Request(LayerDefinition layer, ImageFormat format) => new()
    {
        Layer = layer,
        StyleName = "default",
        TileMatrixSet = TestCatalog.Lamb93,
        TileMatrix = TestCatalog.Lamb93.TileMatrices[10],
        Row = 1,
        Col = 1,
        Format = format,
    };

    [Fact]
    public void Png_tiles_of_a_vector_layer_are_paletted_and_still_sent_as_image_png()
    {
        var stored = TileService.WithStoredFormat(Request(Vector, ImageFormat.Png), [Vector]);
        Assert.Equal(ImageEncoding.Png8, stored.Format.Encoding);
        Assert.Equal("image/png", stored.Format.ContentType);
    }

    [Fact]
    public void A_group_holding_a_raster_keeps_full_colour_png()
    {
        var group = new LayerDefinition { Id = "fond_plan", Title = "Fond", Kind = LayerKind.Group, Children = ["ortho", "parcelles"] };
        Assert.Equal(ImageEncoding.Png32, TileService.WithStoredFormat(Request(group, ImageFormat.Png), [Ortho, Vector]).Format.Encoding);
        Assert.Equal(ImageEncoding.Png32, TileService.WithStoredFormat(Request(Ortho, ImageFormat.Png), [Ortho]).Format.Encoding);
    }

    [Fact]
    public void The_layer_policy_overrides_the_automatic_choice_both_ways()
    {
        var fullColour = Vector with { Cache = new CachePolicy(true, 60, PalettedPng: false) };
        var palettedOrtho = Ortho with { Cache = new CachePolicy(true, 60, PalettedPng: true) };
        Assert.Equal(ImageEncoding.Png32, TileService.WithStoredFormat(Request(fullColour, ImageFormat.Png), [fullColour]).Format.Encoding);
        Assert.Equal(ImageEncoding.Png8, TileService.WithStoredFormat(Request(palettedOrtho, ImageFormat.Png), [palettedOrtho]).Format.Encoding);
    }

    [Fact]
    public void Paletted_tiles_hold_the_layers_palette_colours()
    {
        Assert.Equal(CachePolicy.DefaultPaletteColours, TileService.WithStoredFormat(Request(Vector, ImageFormat.Png), [Vector]).Format.PaletteColours);
        var sixteen = Vector with { Cache = new CachePolicy(true, 60, PaletteColours: 16) };
        Assert.Equal(16, TileService.WithStoredFormat(Request(sixteen, ImageFormat.Png), [sixteen]).Format.PaletteColours);
        // 256 colours is the shared 8-bit format itself, as WMS "mode=8bit" maps use it.
        var full = Vector with { Cache = new CachePolicy(true, 60, PaletteColours: 256) };
        Assert.Same(ImageFormat.Png8, TileService.WithStoredFormat(Request(full, ImageFormat.Png), [full]).Format);
    }

    [Fact]
    public void Other_formats_are_left_alone()
    {
        Assert.Same(ImageFormat.Jpeg, TileService.WithStoredFormat(Request(Vector, ImageFormat.Jpeg), [Vector]).Format);
        Assert.Same(ImageFormat.WebP, TileService.WithStoredFormat(Request(Vector, ImageFormat.WebP), [Vector]).Format);
    }
}
