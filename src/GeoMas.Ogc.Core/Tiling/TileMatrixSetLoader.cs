using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// Reads OGC 2D-TMS 2.0 JSON files (config/tilematrixsets/*.json) into <see cref="TileMatrixSet"/>s. Every file is
/// read and every error is reported at once (file name, matrix id, property), as the catalog builder does.
/// <c>pointOfOrigin</c> is written in the CRS axis order (TMS-3); it is turned into internal x/y (east, north) here,
/// so nothing downstream ever swaps again.
/// </summary>
public static class TileMatrixSetLoader
{
    /// <summary>Relative tolerance of the TMS-1 check cellSize = scaleDenominator × 0.28e-3 / metersPerUnit; the OGC
    /// registry files print 15 significant digits, so a tighter check would reject them.</summary>
    private const double ScaleCellSizeTolerance = 1e-6;

    private static readonly HashSet<string> NorthAxisNames = new(StringComparer.OrdinalIgnoreCase) { "lat", "latitude", "n", "north", "northing", "y" };
    private static readonly HashSet<string> EastAxisNames = new(StringComparer.OrdinalIgnoreCase) { "lon", "long", "longitude", "e", "east", "easting", "x" };

    /// <summary>Loads every <c>*.json</c> file of <paramref name="directory"/> (ordered by file name).</summary>
    public static TileMatrixSetLoadResult LoadDirectory(string directory, CrsRegistry crs)
    {
        if (!Directory.Exists(directory))
        {
            return new([], [$"Tile matrix set folder '{directory}' does not exist."]);
        }

        var errors = new List<string>();
        var sets = new List<TileMatrixSet>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            string json;
            try
            {
                json = File.ReadAllText(file);
            }
            catch (IOException e)
            {
                errors.Add($"{name}: cannot be read ({e.Message}).");
                continue;
            }

            if (Parse(json, name, crs, errors) is { } set)
            {
                if (sets.Any(s => s.Id == set.Id))
                {
                    errors.Add($"{name}: tile matrix set id '{set.Id}' is defined twice.");
                    continue;
                }

                sets.Add(set);
            }
        }

        if (sets.Count == 0 && errors.Count == 0)
        {
            errors.Add($"Tile matrix set folder '{directory}' holds no *.json file.");
        }

        return new(sets, errors);
    }

    /// <summary>
    /// Parses one TMS 2.0 JSON document. Returns null and adds to <paramref name="errors"/> when it is not valid;
    /// <paramref name="source"/> prefixes every message (file name). The id defaults to the file name without extension.
    /// </summary>
    public static TileMatrixSet? Parse(string json, string source, CrsRegistry crs, List<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add($"{source}: not valid JSON ({e.Message}).");
            return null;
        }

        using (document)
        {
            var before = errors.Count;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{source}: the document must be a JSON object.");
                return null;
            }

            var id = OptionalString(root, "id", source, errors) ?? Path.GetFileNameWithoutExtension(source);
            var title = OptionalString(root, "title", source, errors) ?? id;
            var uri = OptionalString(root, "uri", source, errors);
            var wellKnownScaleSet = OptionalString(root, "wellKnownScaleSet", source, errors);
            var crsUri = ReadCrs(root, source, errors);
            var orderedAxes = ReadOrderedAxes(root, source, errors);
            var resolved = crsUri is null ? null : ResolveCrs(crsUri, source, crs, errors);
            var latitudeFirst = resolved is { } r && LatitudeFirst(r, orderedAxes, source, errors);
            var metersPerUnit = resolved is { } known ? crs.MetersPerUnit(known.Srid) : (double?)null;
            var matrices = ReadMatrices(root, source, latitudeFirst, metersPerUnit, errors);

            if (errors.Count > before || crsUri is null || resolved is null)
            {
                return null;
            }

            return new TileMatrixSet
            {
                Id = id,
                Title = title,
                Uri = uri,
                CrsUri = crsUri,
                Srid = resolved.Value.Srid,
                IsCrs84 = resolved.Value.IsCrs84,
                OrderedAxes = orderedAxes ?? DefaultAxes(latitudeFirst, crs.IsGeographic(resolved.Value.Srid)),
                WellKnownScaleSet = wellKnownScaleSet,
                TileMatrices = matrices,
            };
        }
    }

    private static string? ReadCrs(JsonElement root, string source, List<string> errors)
    {
        if (!root.TryGetProperty("crs", out var crs))
        {
            errors.Add($"{source}: 'crs' is required.");
            return null;
        }

        // crs is a URI string or an object { "uri": ... } (TMS 2.0 crs.json); WKT CRSs are not supported.
        var uri = crs.ValueKind switch
        {
            JsonValueKind.String => crs.GetString(),
            JsonValueKind.Object when crs.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String => u.GetString(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(uri))
        {
            errors.Add($"{source}: 'crs' must be a CRS URI (or an object with a 'uri').");
            return null;
        }

        return uri;
    }

    private static CrsIdentifier? ResolveCrs(string uri, string source, CrsRegistry crs, List<string> errors)
    {
        if (!CrsIdentifier.TryParse(uri, out var id))
        {
            errors.Add($"{source}: crs '{uri}' is not a recognised CRS identifier.");
            return null;
        }

        if (!crs.IsSupported(id.Srid))
        {
            errors.Add($"{source}: crs '{uri}' is not supported by this server.");
            return null;
        }

        return id;
    }

    private static List<string>? ReadOrderedAxes(JsonElement root, string source, List<string> errors)
    {
        if (!root.TryGetProperty("orderedAxes", out var axes))
        {
            return null;
        }

        if (axes.ValueKind != JsonValueKind.Array || axes.GetArrayLength() != 2 || axes.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
        {
            errors.Add($"{source}: 'orderedAxes' must be an array of two axis names.");
            return null;
        }

        return [.. axes.EnumerateArray().Select(a => a.GetString()!)];
    }

    // The CRS decides the axis order; orderedAxes, when present, must agree with it (a file that says
    // ["Lon","Lat"] for EPSG:4326 would otherwise silently put every tile on the wrong continent).
    private static bool LatitudeFirst(CrsIdentifier crs, List<string>? orderedAxes, string source, List<string> errors)
    {
        var latitudeFirst = AxisOrderRules.For(crs, AxisContext.OgcApi) == AxisOrder.NorthEast;
        if (orderedAxes is null)
        {
            return latitudeFirst;
        }

        bool? axesSayLatitudeFirst =
            NorthAxisNames.Contains(orderedAxes[0]) && EastAxisNames.Contains(orderedAxes[1]) ? true
            : EastAxisNames.Contains(orderedAxes[0]) && NorthAxisNames.Contains(orderedAxes[1]) ? false
            : null;
        if (axesSayLatitudeFirst is null)
        {
            errors.Add($"{source}: orderedAxes [{string.Join(", ", orderedAxes)}] are not recognised east/north axis names.");
        }
        else if (axesSayLatitudeFirst != latitudeFirst)
        {
            errors.Add($"{source}: orderedAxes [{string.Join(", ", orderedAxes)}] contradict the axis order of {crs.Original} ({(latitudeFirst ? "north, east" : "east, north")}).");
        }

        return latitudeFirst;
    }

    private static List<string> DefaultAxes(bool latitudeFirst, bool geographic) =>
        (latitudeFirst, geographic) switch
        {
            (true, _) => ["Lat", "Lon"],
            (false, true) => ["Lon", "Lat"],
            _ => ["X", "Y"],
        };

    private static List<TileMatrix> ReadMatrices(JsonElement root, string source, bool latitudeFirst, double? metersPerUnit, List<string> errors)
    {
        var result = new List<TileMatrix>();
        if (!root.TryGetProperty("tileMatrices", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{source}: 'tileMatrices' is required and must be an array.");
            return result;
        }

        if (array.GetArrayLength() == 0)
        {
            errors.Add($"{source}: 'tileMatrices' is empty.");
            return result;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var where = $"{source}: tileMatrices[{index.ToString(CultureInfo.InvariantCulture)}]";
            index++;
            if (ReadMatrix(element, where, latitudeFirst, metersPerUnit, errors) is not { } matrix)
            {
                continue;
            }

            where += $" (id '{matrix.Id}')";
            if (result.Any(m => m.Id == matrix.Id))
            {
                errors.Add($"{where}: id '{matrix.Id}' is used twice.");
            }

            // TMS-2: unique scale denominators; we also require coarse → fine order, which every consumer assumes.
            if (result.Count > 0 && matrix.ScaleDenominator >= result[^1].ScaleDenominator)
            {
                errors.Add($"{where}: scaleDenominator {Format(matrix.ScaleDenominator)} must be smaller than the previous matrix's {Format(result[^1].ScaleDenominator)} (matrices go from coarse to fine).");
            }

            result.Add(matrix);
        }

        return result;
    }

    private static TileMatrix? ReadMatrix(JsonElement element, string where, bool latitudeFirst, double? metersPerUnit, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: must be an object.");
            return null;
        }

        var before = errors.Count;
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            errors.Add($"{where}: 'id' is required and must be a non-empty string.");
        }
        else
        {
            where += $" (id '{id}')";
        }

        var scale = PositiveNumber(element, "scaleDenominator", where, errors);
        var cellSize = PositiveNumber(element, "cellSize", where, errors);
        var tileWidth = PositiveInteger(element, "tileWidth", where, errors);
        var tileHeight = PositiveInteger(element, "tileHeight", where, errors);
        var matrixWidth = PositiveInteger(element, "matrixWidth", where, errors);
        var matrixHeight = PositiveInteger(element, "matrixHeight", where, errors);
        var origin = ReadPoint(element, "pointOfOrigin", where, errors);

        if (element.TryGetProperty("cornerOfOrigin", out var corner) && !(corner.ValueKind == JsonValueKind.String && corner.GetString() == "topLeft"))
        {
            errors.Add($"{where}: cornerOfOrigin {corner.GetRawText()} is not supported (only \"topLeft\").");
        }

        if (element.TryGetProperty("variableMatrixWidths", out _))
        {
            errors.Add($"{where}: variableMatrixWidths are not supported.");
        }

        if (tileWidth > int.MaxValue || tileHeight > int.MaxValue)
        {
            errors.Add($"{where}: tileWidth/tileHeight are too large.");
        }

        if (scale is { } s && cellSize is { } c && metersPerUnit is { } mpu)
        {
            var expected = TileMath.CellSizeFromScaleDenominator(s, mpu);
            if (Math.Abs(c - expected) > ScaleCellSizeTolerance * expected)
            {
                errors.Add($"{where}: cellSize {Format(c)} does not match scaleDenominator {Format(s)} (expected {Format(expected)} = scaleDenominator × 0.00028 / {Format(mpu)} m per unit).");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var (first, second) = origin!.Value;
        return new TileMatrix
        {
            Id = id!,
            ScaleDenominator = scale!.Value,
            CellSize = cellSize!.Value,
            OriginX = latitudeFirst ? second : first,
            OriginY = latitudeFirst ? first : second,
            TileWidth = (int)tileWidth!.Value,
            TileHeight = (int)tileHeight!.Value,
            MatrixWidth = matrixWidth!.Value,
            MatrixHeight = matrixHeight!.Value,
        };
    }

    private static double? PositiveNumber(JsonElement element, string name, string where, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{where}: '{name}' is required and must be a number.");
            return null;
        }

        var number = value.GetDouble();
        if (!double.IsFinite(number) || number <= 0)
        {
            errors.Add($"{where}: '{name}' must be greater than 0.");
            return null;
        }

        return number;
    }

    private static long? PositiveInteger(JsonElement element, string name, string where, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{where}: '{name}' is required and must be an integer.");
            return null;
        }

        // TMS 2.0 types these as numbers with multipleOf 1, so 256.0 is valid.
        long integer;
        if (value.TryGetInt64(out var exact))
        {
            integer = exact;
        }
        else if (value.GetDouble() is var d && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e15)
        {
            integer = (long)d;
        }
        else
        {
            errors.Add($"{where}: '{name}' must be an integer.");
            return null;
        }

        if (integer < 1)
        {
            errors.Add($"{where}: '{name}' must be at least 1.");
            return null;
        }

        return integer;
    }

    private static (double First, double Second)? ReadPoint(JsonElement element, string name, string where, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2
            || value[0].ValueKind != JsonValueKind.Number || value[1].ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{where}: '{name}' is required and must be an array of two numbers.");
            return null;
        }

        return (value[0].GetDouble(), value[1].GetDouble());
    }

    private static string? OptionalString(JsonElement root, string name, string source, List<string> errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{source}: '{name}' must be a string.");
            return null;
        }

        return value.GetString();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
