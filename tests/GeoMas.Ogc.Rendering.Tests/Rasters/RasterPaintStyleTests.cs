using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Rendering.Rasters;
using GeoMas.Ogc.Rendering.Sld;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

public sealed class RasterPaintStyleTests
{
    private const string Sld = """
        <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">
          <NamedLayer><se:Name>ortho</se:Name>
            <UserStyle><se:Name>crisp</se:Name>
              <se:CoverageStyle><se:Rule><se:MaxScaleDenominator>50000</se:MaxScaleDenominator>
                <se:RasterSymbolizer><se:Opacity>0.7</se:Opacity><VendorOption name="resampling">nearest</VendorOption></se:RasterSymbolizer>
              </se:Rule></se:CoverageStyle>
            </UserStyle>
            <UserStyle><se:Name>plain</se:Name>
              <se:CoverageStyle><se:Rule><se:RasterSymbolizer><se:Opacity>0.5</se:Opacity></se:RasterSymbolizer></se:Rule></se:CoverageStyle>
            </UserStyle>
          </NamedLayer>
        </StyledLayerDescriptor>
        """;

    private static readonly LayerDefinition Layer = new() { Id = "ortho", Title = "Ortho", Kind = LayerKind.Raster, Resampling = RasterResampling.Cubic };

    [Fact]
    public void The_symbolizer_vendor_option_beats_the_layer_option_and_opacity_comes_from_the_symbolizer()
    {
        var styles = new SldStyleReader().Parse(new StringReader(Sld), ".");
        var crisp = RasterPaintStyle.Resolve(Layer, styles[0], 10_000);
        Assert.Equal(new RasterPaintStyle(0.7, RasterResampling.Nearest), crisp);
        // Outside the rule's scale range: nothing to draw.
        Assert.Null(RasterPaintStyle.Resolve(Layer, styles[0], 100_000));
        // No vendor option: the layer's resampling.
        Assert.Equal(new RasterPaintStyle(0.5, RasterResampling.Cubic), RasterPaintStyle.Resolve(Layer, styles[1], 10_000));
        // No style at all: opaque, layer's resampling; and bilinear by default.
        Assert.Equal(new RasterPaintStyle(1, RasterResampling.Cubic), RasterPaintStyle.Resolve(Layer, null, 10_000));
        Assert.Equal(RasterPaintStyle.Default, RasterPaintStyle.Resolve(Layer with { Resampling = null }, null, 10_000));
    }

    [Fact]
    public void An_unknown_resampling_name_is_a_style_error()
    {
        var bad = Sld.Replace(">nearest<", ">lanczos9<", StringComparison.Ordinal);
        var error = Assert.ThrowsAny<Exception>(() => new SldStyleReader().Parse(new StringReader(bad), "."));
        Assert.Contains("lanczos9", error.Message, StringComparison.Ordinal);
    }
}
