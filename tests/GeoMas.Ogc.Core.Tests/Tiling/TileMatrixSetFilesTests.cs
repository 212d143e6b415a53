using System.Text.Json;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using Json.Schema;

namespace GeoMas.Ogc.Core.Tests.Tiling;

/// <summary>config/tilematrixsets against the OGC tables (OGC-CHECKLISTS.md §2.4–2.5, TMS-1..4, TMS-L1..L4).</summary>
public sealed class TileMatrixSetFilesTests
{
    // WMTS ETS tolerance on scale denominators (WMTS-A10, TRAP-3).
    private const double Absolute = 1e-6;

    /// <summary>
    /// OGC registry WebMercatorQuad.json (S-TMS registry/json), printed there with 15 significant digits:
    /// z, scaleDenominator, cellSize.
    /// </summary>
    public static TheoryData<int, double, double> WebMercatorRegistry => new()
    {
        { 0, 559082264.028717, 156543.033928041 },
        { 1, 279541132.014358, 78271.5169640204 },
        { 2, 139770566.007179, 39135.7584820102 },
        { 3, 69885283.0035897, 19567.8792410051 },
        { 4, 34942641.5017948, 9783.93962050256 },
        { 5, 17471320.7508974, 4891.96981025128 },
        { 6, 8735660.37544871, 2445.98490512564 },
        { 7, 4367830.18772435, 1222.99245256282 },
        { 8, 2183915.09386217, 611.49622628141 },
        { 9, 1091957.54693108, 305.748113140704 },
        { 10, 545978.773465544, 152.874056570352 },
        { 11, 272989.386732772, 76.4370282851762 },
        { 12, 136494.693366386, 38.2185141425881 },
        { 13, 68247.346683193, 19.109257071294 },
        { 14, 34123.6733415964, 9.55462853564703 },
        { 15, 17061.8366707982, 4.77731426782351 },
        { 16, 8530.91833539913, 2.38865713391175 },
        { 17, 4265.45916769956, 1.19432856695587 },
        { 18, 2132.72958384978, 0.597164283477939 },
        { 19, 1066.36479192489, 0.29858214173897 },
        { 20, 533.182395962445, 0.149291070869485 },
        { 21, 266.591197981222, 0.0746455354347424 },
        { 22, 133.295598990611, 0.0373227677173712 },
        { 23, 66.6477994953056, 0.0186613838586856 },
        { 24, 33.3238997476528, 0.0093306919293428 },
    };

    /// <summary>The full-precision values of OGC-CHECKLISTS.md §2.4 (17 digits where the table prints them).</summary>
    public static TheoryData<int, double, double> WebMercatorChecklist => new()
    {
        { 0, 559082264.0287178, 156543.0339280410 },
        { 1, 279541132.0143589, 78271.51696402048 },
        { 2, 139770566.0071794, 39135.75848201023 },
        { 5, 17471320.75089743, 4891.969810251280 },
        { 8, 2183915.093862179, 611.4962262814100 },
        { 9, 1091957.546931089, 305.7481131407048 },
        { 10, 545978.7734655447, 152.8740565703525 },
        { 12, 136494.6933663862, 38.21851414258813 },
        { 14, 34123.67334159654, 9.554628535647032 },
        { 16, 8530.918335399136, 2.388657133911758 },
        { 18, 2132.729583849784, 0.5971642834779395 },
        { 20, 533.182395962445, 0.1492910708694850 },
        { 24, 33.3238997476528, 0.0093306919293428 },
    };

    [Theory]
    [MemberData(nameof(WebMercatorRegistry))]
    [MemberData(nameof(WebMercatorChecklist))]
    public void WebMercatorQuad_level_matches_the_OGC_registry(int z, double scaleDenominator, double cellSize)
    {
        var matrix = TilingTestData.WebMercatorQuad.TileMatrices[z];

        Assert.Equal(z.ToString(System.Globalization.CultureInfo.InvariantCulture), matrix.Id);
        Assert.Equal(scaleDenominator, matrix.ScaleDenominator, Absolute);
        Assert.Equal(cellSize, matrix.CellSize, Absolute);
        Assert.Equal(1L << z, matrix.MatrixWidth);
        Assert.Equal(1L << z, matrix.MatrixHeight);
        Assert.Equal(-20037508.3427892, matrix.OriginX);
        Assert.Equal(20037508.3427892, matrix.OriginY);
        Assert.Equal(256, matrix.TileWidth);
        Assert.Equal(256, matrix.TileHeight);
    }

    [Fact]
    public void WebMercatorQuad_is_the_registered_set_with_full_precision_scales()
    {
        var tms = TilingTestData.WebMercatorQuad;

        Assert.Equal(25, tms.TileMatrices.Count);
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tms.Uri);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", tms.CrsUri);
        Assert.Equal(3857, tms.Srid);
        Assert.False(tms.IsCrs84);
        Assert.Equal(["X", "Y"], tms.OrderedAxes);
        Assert.Equal("http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible", tms.WellKnownScaleSet);

        // TMS-4: not derived from the rounded 20037508.34 (559082263.9508929 is off by 0.08).
        for (var z = 0; z < 25; z++)
        {
            Assert.Equal(559082264.0287178 / Math.Pow(2, z), tms.TileMatrices[z].ScaleDenominator, 1e-9);
            Assert.Equal(156543.03392804097 / Math.Pow(2, z), tms.TileMatrices[z].CellSize, 1e-12);
        }

        // The matrix spans exactly the Web Mercator square.
        var bounds = TileMath.MatrixBounds(tms.TileMatrices[0]);
        Assert.Equal(20037508.3427892, bounds.MaxX, 1e-6);
        Assert.Equal(-20037508.3427892, bounds.MinY, 1e-6);
    }

    [Fact]
    public void WorldCrs84Quad_matrices_are_two_by_one_at_z0_and_double_each_level()
    {
        var tms = TilingTestData.WorldCrs84Quad;

        Assert.Equal(24, tms.TileMatrices.Count);
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad", tms.Uri);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", tms.CrsUri);
        Assert.Equal(4326, tms.Srid);
        Assert.True(tms.IsCrs84);
        Assert.Equal(["Lon", "Lat"], tms.OrderedAxes);
        Assert.Equal("http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad", tms.WellKnownScaleSet);
        for (var z = 0; z < 24; z++)
        {
            var m = tms.TileMatrices[z];
            Assert.Equal(2L << z, m.MatrixWidth);
            Assert.Equal(1L << z, m.MatrixHeight);
            Assert.Equal(0.703125 / Math.Pow(2, z), m.CellSize);
            Assert.Equal(-180, m.OriginX);
            Assert.Equal(90, m.OriginY);

            // Same scales as WebMercatorQuad one level finer (GoogleCRS84Quad without its 1×1 level).
            Assert.Equal(TilingTestData.WebMercatorQuad.TileMatrices[z + 1].ScaleDenominator, m.ScaleDenominator, Absolute);
            var bounds = TileMath.MatrixBounds(m);
            Assert.Equal(180, bounds.MaxX, 1e-9);
            Assert.Equal(-90, bounds.MinY, 1e-9);
        }

        Assert.Equal(279541132.014358, tms.TileMatrices[0].ScaleDenominator, Absolute);
        Assert.Equal(139770566.007179, tms.TileMatrices[1].ScaleDenominator, Absolute);
        Assert.Equal(33.3238997476528, tms.TileMatrices[23].ScaleDenominator, Absolute);
        Assert.Equal(16777216, tms.TileMatrices[23].MatrixWidth);
        Assert.Equal(8388608, tms.TileMatrices[23].MatrixHeight);
    }

    [Theory]
    [InlineData(0, 748982857.1428572, 209715.2, 1e-6)]
    [InlineData(10, 731428.5714285715, 204.8, 1e-6)]
    [InlineData(16, 11428.5714285714, 3.2, 1e-6)]
    [InlineData(20, 714.2857142857, 0.2, 1e-6)]
    [InlineData(22, 178.5714285714, 0.05, 1e-6)]
    public void Lamb93_level_matches_IGN_LAMB93_5cm(int z, double scaleDenominator, double cellSize, double tolerance)
    {
        var m = TilingTestData.Lamb93.TileMatrices[z];

        Assert.Equal(scaleDenominator, m.ScaleDenominator, tolerance);
        Assert.Equal(cellSize, m.CellSize, 1e-12);
        Assert.Equal(0, m.OriginX);
        Assert.Equal(12000000, m.OriginY);
        Assert.Equal(256, m.TileWidth);
    }

    [Fact]
    public void Lamb93_is_EPSG_2154_easting_northing_without_well_known_scale_set()
    {
        var tms = TilingTestData.Lamb93;

        Assert.Equal(23, tms.TileMatrices.Count);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/2154", tms.CrsUri);
        Assert.Equal(2154, tms.Srid);
        Assert.Equal(["E", "N"], tms.OrderedAxes);
        Assert.Null(tms.WellKnownScaleSet);
        Assert.Null(tms.Uri); // TMS-L1: not registered.
        for (var z = 0; z < 23; z++)
        {
            Assert.Equal(z.ToString(System.Globalization.CultureInfo.InvariantCulture), tms.TileMatrices[z].Id);
            Assert.Equal(209715.2 / Math.Pow(2, z), tms.TileMatrices[z].CellSize, 1e-12);
        }
    }

    [Fact]
    public void Lamb93_matrices_are_the_smallest_that_cover_the_EPSG_2154_valid_bounds_east_of_the_origin()
    {
        var valid = TilingTestData.Crs.ValidBounds(2154);

        foreach (var m in TilingTestData.Lamb93.TileMatrices)
        {
            Assert.Equal((long)Math.Ceiling(valid.MaxX / m.TileSpanX), m.MatrixWidth);
            Assert.Equal((long)Math.Ceiling((m.OriginY - valid.MinY) / m.TileSpanY), m.MatrixHeight);
            var bounds = TileMath.MatrixBounds(m);
            Assert.True(bounds.MaxX >= valid.MaxX && bounds.MaxX - m.TileSpanX < valid.MaxX);
            Assert.True(bounds.MinY <= valid.MinY && bounds.MinY + m.TileSpanY > valid.MinY);
        }

        // z10 (204.8 m): 26 × 115 tiles (IGN's LAMB93_5cm says 25 × 206; it reaches further south, see LAMB93.json).
        Assert.Equal(26, TilingTestData.Lamb93.TileMatrices[10].MatrixWidth);
        Assert.Equal(115, TilingTestData.Lamb93.TileMatrices[10].MatrixHeight);
    }

    [Fact]
    public void Every_matrix_obeys_TMS_1_and_halves_the_previous_level()
    {
        foreach (var tms in TilingTestData.Catalog.All)
        {
            var metersPerUnit = TilingTestData.Crs.MetersPerUnit(tms.Srid);
            TileMatrix? previous = null;
            foreach (var m in tms.TileMatrices)
            {
                var expected = TileMath.CellSizeFromScaleDenominator(m.ScaleDenominator, metersPerUnit);
                Assert.True(Math.Abs(m.CellSize - expected) <= 1e-12 * expected, $"{tms.Id}/{m.Id}: cellSize {m.CellSize:R} vs {expected:R}");
                if (previous is not null)
                {
                    Assert.Equal(previous.ScaleDenominator / 2, m.ScaleDenominator, previous.ScaleDenominator * 1e-15);
                    Assert.Equal(previous.OriginX, m.OriginX);
                    Assert.Equal(previous.OriginY, m.OriginY);
                }

                previous = m;
            }
        }
    }

    [Fact]
    public void The_catalog_holds_the_three_sets_and_finds_them_by_id_and_uri_case_sensitively()
    {
        var catalog = TilingTestData.Catalog;

        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"], catalog.All.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Same(catalog.Find("WebMercatorQuad"), catalog.Find("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"));
        Assert.Same(catalog.Find("WorldCRS84Quad"), catalog.Find("http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad"));
        Assert.Null(catalog.Find("webmercatorquad"));
        Assert.Null(catalog.Find("lamb93"));
        Assert.Null(catalog.Find("GoogleMapsCompatible"));
    }

    public static TheoryData<string> Files => new() { "WebMercatorQuad.json", "WorldCRS84Quad.json", "LAMB93.json" };

    [Theory]
    [MemberData(nameof(Files))]
    public void File_is_valid_against_the_TMS_2_0_required_members_schema(string file)
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(TilingTestData.TileMatrixSetDirectory, file)));

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("""{ "tileMatrices": [] }""")]
    [InlineData("""{ "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "tileMatrices": [ { "id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1 } ] }""")]
    [InlineData("""{ "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "tileMatrices": [ { "id": "0", "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1 } ] }""")]
    [InlineData("""{ "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "tileMatrices": [ { "id": 0, "scaleDenominator": 1, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256.5, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1 } ] }""")]
    public void The_schema_rejects_documents_missing_required_members(string json)
    {
        Assert.False(Evaluate(json).IsValid);
    }

    // Built once: JsonSchema.Net registers schemas globally by base URI and refuses a second registration.
    private static readonly JsonSchema Schema =
        JsonSchema.FromFile(Path.Combine(TilingTestData.RepositoryRoot, "tests", "GeoMas.Ogc.Core.Tests", "Tiling", "tms-2.0-tileMatrixSet.schema.json"));

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
