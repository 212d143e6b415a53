using System.Text;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Sources.Remote.Wmts;

namespace GeoMas.Ogc.Sources.Tests.Remote;

public sealed class WmtsCapabilitiesReaderTests
{
    private static readonly CrsRegistry Crs = new();

    private const string Document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE Capabilities [ <!ENTITY boom "boom"> ]>
        <Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
          <ows:OperationsMetadata>
            <ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="https://up.example/caps?"/></ows:HTTP></ows:DCP></ows:Operation>
            <ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
              <ows:Get xlink:href="https://up.example/rest/"><ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>RESTful</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>
              <ows:Get xlink:href="https://up.example/wmts?key=abc&amp;"><ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>
            </ows:HTTP></ows:DCP></ows:Operation>
          </ows:OperationsMetadata>
          <Contents>
            <Layer>
              <ows:Identifier>OTHER</ows:Identifier>
              <Style isDefault="true"><ows:Identifier>x</ows:Identifier></Style>
              <TileMatrixSetLink><TileMatrixSet>PM</TileMatrixSet></TileMatrixSetLink>
            </Layer>
            <Layer>
              <ows:Title>Ortho</ows:Title>
              <ows:Identifier>ORTHO</ows:Identifier>
              <Style><ows:Identifier>legend</ows:Identifier></Style>
              <Style isDefault="true"><ows:Identifier>normal</ows:Identifier></Style>
              <Format>image/jpeg</Format>
              <Format>image/png</Format>
              <TileMatrixSetLink><TileMatrixSet>PM</TileMatrixSet></TileMatrixSetLink>
              <TileMatrixSetLink><TileMatrixSet>GEO</TileMatrixSet></TileMatrixSetLink>
              <ResourceURL format="image/png" resourceType="tile" template="https://up.example/rest/ORTHO/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
            </Layer>
            <TileMatrixSet>
              <ows:Identifier>PM</ows:Identifier>
              <ows:SupportedCRS>EPSG:3857</ows:SupportedCRS>
              <TileMatrix><ows:Identifier>1</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>2</MatrixWidth><MatrixHeight>2</MatrixHeight></TileMatrix>
              <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>559082264.0287178</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>1</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
            </TileMatrixSet>
            <TileMatrixSet>
              <ows:Identifier>GEO</ows:Identifier>
              <ows:SupportedCRS>urn:ogc:def:crs:EPSG::4326</ows:SupportedCRS>
              <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator><TopLeftCorner>90 -180</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
            </TileMatrixSet>
          </Contents>
        </Capabilities>
        """;

    private static WmtsUpstreamCapabilities Read(string layer, string set) =>
        WmtsCapabilitiesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Document)), layer, set, Crs);

    [Fact]
    public void Reads_the_configured_layer_its_styles_formats_templates_and_kvp_endpoint()
    {
        var caps = Read("ORTHO", "PM");
        Assert.Equal(["legend", "normal"], caps.Styles);
        Assert.Equal("normal", caps.DefaultStyle);
        Assert.Equal(["image/jpeg", "image/png"], caps.Formats);
        Assert.Equal(["PM", "GEO"], caps.LinkedMatrixSets);
        var template = Assert.Single(caps.ResourceTemplates);
        Assert.Equal("image/png", template.Format);
        Assert.Equal(new Uri("https://up.example/wmts?key=abc&"), caps.KvpGetTileUrl);
    }

    [Fact]
    public void Matrices_are_ordered_coarsest_first_with_resolution_from_the_scale_denominator()
    {
        var set = Read("ORTHO", "PM").MatrixSet!;
        Assert.Equal(3857, set.Srid);
        Assert.Equal(["0", "1"], set.Matrices.Select(m => m.Identifier));
        // 559082264.0287178 × 0.28 mm = 156543.03 m: the WebMercatorQuad level 0 pixel.
        Assert.Equal(156543.0339, set.Matrices[0].Resolution, 3);
        Assert.Equal(-20037508.3427892, set.Matrices[0].OriginX);
        Assert.Equal(20037508.3427892, set.Matrices[0].OriginY);
    }

    [Fact]
    public void A_latitude_first_crs_has_its_top_left_corner_swapped_to_x_east_y_north()
    {
        var matrix = Read("ORTHO", "GEO").MatrixSet!.Matrices[0];
        Assert.Equal(-180, matrix.OriginX);
        Assert.Equal(90, matrix.OriginY);
        // Degrees: 279541132 × 0.00028 / 111319.49 m per degree = 0.703125° per pixel.
        Assert.Equal(0.703125, matrix.Resolution, 6);
    }

    [Theory]
    [InlineData("MISSING", "PM", "no layer 'MISSING'")]
    [InlineData("OTHER", "GEO", "not offered in tile matrix set 'GEO'")]
    public void A_layer_or_set_the_upstream_does_not_offer_is_a_format_error(string layer, string set, string message)
    {
        var error = Assert.Throws<FormatException>(() => Read(layer, set));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_capabilities_document_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => WmtsCapabilitiesReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes("<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\"/>")), "A", "B", Crs));
        Assert.Contains("not WMTS capabilities", error.Message, StringComparison.Ordinal);
    }
}
