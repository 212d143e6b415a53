using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Core.Tests.Tiling;

public sealed class TileMatrixSetLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geomas-tms-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string GoodMatrix = """{ "id": "0", "scaleDenominator": 559082264.0287178, "cellSize": 156543.03392804097, "pointOfOrigin": [-20037508.3427892, 20037508.3427892], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1 }""";

    private static string Set(string crs, params string[] matrices) =>
        $$"""{ "crs": "{{crs}}", "tileMatrices": [ {{string.Join(", ", matrices)}} ] }""";

    private TileMatrixSetLoadResult Load(params (string Name, string Json)[] files)
    {
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(_directory, name), json);
        }

        return TileMatrixSetLoader.LoadDirectory(_directory, TilingTestData.Crs);
    }

    [Fact]
    public void The_repository_sets_load_without_errors()
    {
        var result = TileMatrixSetLoader.LoadDirectory(TilingTestData.TileMatrixSetDirectory, TilingTestData.Crs);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Sets.Count);
    }

    [Fact]
    public void A_minimal_set_loads_with_id_from_the_file_name_and_default_axes()
    {
        var result = Load(("Mine.json", Set("http://www.opengis.net/def/crs/EPSG/0/3857", GoodMatrix)));

        Assert.Empty(result.Errors);
        var set = Assert.Single(result.Sets);
        Assert.Equal("Mine", set.Id);
        Assert.Equal("Mine", set.Title);
        Assert.Equal(["X", "Y"], set.OrderedAxes);
        Assert.Equal(3857, set.Srid);
        Assert.Equal(256, set.TileMatrices[0].TileWidth);
    }

    [Fact]
    public void A_latitude_first_crs_has_its_point_of_origin_swapped_into_x_y()
    {
        // EPSG:4326 is lat,lon: the origin is written (90, -180) and means x = -180, y = 90.
        var matrix = """{ "id": "0", "scaleDenominator": 279541132.0143589, "cellSize": 0.703125, "pointOfOrigin": [90, -180], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 2, "matrixHeight": 1 }""";
        var result = Load(
            ("Lat.json", Set("http://www.opengis.net/def/crs/EPSG/0/4326", matrix)),
            ("LatAxes.json", $$"""{ "crs": "urn:ogc:def:crs:EPSG::4326", "orderedAxes": ["Lat", "Lon"], "tileMatrices": [ {{matrix}} ] }"""));

        Assert.Empty(result.Errors);
        foreach (var set in result.Sets)
        {
            Assert.Equal(-180, set.TileMatrices[0].OriginX);
            Assert.Equal(90, set.TileMatrices[0].OriginY);
            Assert.Equal(["Lat", "Lon"], set.OrderedAxes);
            Assert.False(set.IsCrs84);
            Assert.Equal(4326, set.Srid);
        }

        // CRS84 is lon,lat: no swap.
        Assert.Equal(-180, TilingTestData.WorldCrs84Quad.TileMatrices[0].OriginX);
    }

    [Fact]
    public void Every_error_of_every_file_is_reported()
    {
        var result = Load(
            ("a-nocrs.json", """{ "tileMatrices": [] }"""),
            ("b-badjson.json", """{ "crs": """),
            ("c-unknowncrs.json", Set("http://www.opengis.net/def/crs/EPSG/0/27700", GoodMatrix)),
            ("d-missing.json", Set("http://www.opengis.net/def/crs/EPSG/0/3857", """{ "id": "0", "tileWidth": 256.5, "matrixWidth": 0 }""")),
            ("e-good.json", Set("http://www.opengis.net/def/crs/EPSG/0/3857", GoodMatrix)));

        Assert.Equal("e-good", Assert.Single(result.Sets).Id);
        Assert.False(result.Succeeded);
        string[] expected =
        [
            "a-nocrs.json: 'crs' is required.",
            "a-nocrs.json: 'tileMatrices' is empty.",
            "b-badjson.json: not valid JSON",
            "c-unknowncrs.json: crs 'http://www.opengis.net/def/crs/EPSG/0/27700' is not supported by this server.",
            "d-missing.json: tileMatrices[0] (id '0'): 'scaleDenominator' is required and must be a number.",
            "d-missing.json: tileMatrices[0] (id '0'): 'cellSize' is required and must be a number.",
            "d-missing.json: tileMatrices[0] (id '0'): 'tileWidth' must be an integer.",
            "d-missing.json: tileMatrices[0] (id '0'): 'tileHeight' is required and must be an integer.",
            "d-missing.json: tileMatrices[0] (id '0'): 'matrixWidth' must be at least 1.",
            "d-missing.json: tileMatrices[0] (id '0'): 'matrixHeight' is required and must be an integer.",
            "d-missing.json: tileMatrices[0] (id '0'): 'pointOfOrigin' is required and must be an array of two numbers.",
        ];
        foreach (var message in expected)
        {
            Assert.Contains(result.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, result.Errors.Count);
    }

    [Fact]
    public void Inconsistent_matrices_are_rejected()
    {
        var coarse = GoodMatrix;
        var sameScale = GoodMatrix.Replace("\"id\": \"0\"", "\"id\": \"1\"", StringComparison.Ordinal);
        var wrongCell = """{ "id": "2", "scaleDenominator": 1000, "cellSize": 1, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1 }""";
        var duplicateId = """{ "id": "2", "scaleDenominator": 100, "cellSize": 0.028, "pointOfOrigin": [0, 0], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 1, "matrixHeight": 1, "cornerOfOrigin": "bottomLeft" }""";

        var result = Load(("Bad.json", Set("http://www.opengis.net/def/crs/EPSG/0/3857", coarse, sameScale, wrongCell, duplicateId)));

        Assert.Empty(result.Sets);
        var all = string.Join("\n", result.Errors);
        Assert.Contains("Bad.json: tileMatrices[1] (id '1'): scaleDenominator 559082264.0287178 must be smaller", all, StringComparison.Ordinal);
        Assert.Contains("Bad.json: tileMatrices[2] (id '2'): cellSize 1 does not match scaleDenominator 1000 (expected 0.2", all, StringComparison.Ordinal);
        Assert.Contains("Bad.json: tileMatrices[3] (id '2'): cornerOfOrigin \"bottomLeft\" is not supported", all, StringComparison.Ordinal);
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Duplicate_ids_and_contradicting_axes_are_errors()
    {
        var result = Load(
            ("A.json", """{ "id": "Same", "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "tileMatrices": [ """ + GoodMatrix + " ] }"),
            ("B.json", """{ "id": "Same", "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "tileMatrices": [ """ + GoodMatrix + " ] }"),
            ("C.json", """{ "crs": "http://www.opengis.net/def/crs/EPSG/0/4326", "orderedAxes": ["Lon", "Lat"], "tileMatrices": [ { "id": "0", "scaleDenominator": 279541132.0143589, "cellSize": 0.703125, "pointOfOrigin": [-180, 90], "tileWidth": 256, "tileHeight": 256, "matrixWidth": 2, "matrixHeight": 1 } ] }"""),
            ("D.json", """{ "crs": "http://www.opengis.net/def/crs/EPSG/0/3857", "orderedAxes": ["Up", "Down"], "tileMatrices": [ """ + GoodMatrix + " ] }"));

        Assert.Equal(["Same"], result.Sets.Select(s => s.Id));
        Assert.Contains("B.json: tile matrix set id 'Same' is defined twice.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("C.json: orderedAxes [Lon, Lat] contradict the axis order of http://www.opengis.net/def/crs/EPSG/0/4326 (north, east)", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("D.json: orderedAxes [Up, Down] are not recognised", StringComparison.Ordinal));
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Empty_or_missing_folders_are_errors_and_the_catalog_refuses_them()
    {
        Assert.Equal([$"Tile matrix set folder '{_directory}' holds no *.json file."], Load().Errors);

        var missing = Path.Combine(_directory, "nope");
        Assert.Equal([$"Tile matrix set folder '{missing}' does not exist."], TileMatrixSetLoader.LoadDirectory(missing, TilingTestData.Crs).Errors);

        File.WriteAllText(Path.Combine(_directory, "x.json"), "[]");
        var error = Assert.Throws<TileMatrixSetLoadException>(() => TileMatrixSetCatalog.Load(_directory, TilingTestData.Crs));
        Assert.Equal(["x.json: the document must be a JSON object."], error.Errors);
    }
}
