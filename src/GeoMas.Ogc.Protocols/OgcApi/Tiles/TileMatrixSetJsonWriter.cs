using System.Text.Json;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// Writes a tile matrix set as OGC 2D-TMS 2.0 JSON (S-TMS <c>schemas/tms/2.0/json/tileMatrixSet.json</c>, OAT-10),
/// from the loaded model rather than the config file, so what is served is what WMTS, XYZ and this API compute with.
/// </summary>
public static class TileMatrixSetJsonWriter
{
    public static void Write(Utf8JsonWriter json, TileMatrixSet tms, IEnumerable<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tms);
        json.WriteStartObject();
        WriteIdentity(json, tms);
        json.WriteStartArray("orderedAxes");
        foreach (var axis in tms.OrderedAxes)
            json.WriteStringValue(axis);
        json.WriteEndArray();
        if (tms.WellKnownScaleSet is { } scaleSet)
            json.WriteString("wellKnownScaleSet", scaleSet);

        var latitudeFirst = IsNorthingFirst(tms);
        json.WriteStartArray("tileMatrices");
        foreach (var matrix in tms.TileMatrices)
        {
            json.WriteStartObject();
            json.WriteString("id", matrix.Id);
            json.WriteNumber("scaleDenominator", matrix.ScaleDenominator);
            json.WriteNumber("cellSize", matrix.CellSize);
            json.WriteString("cornerOfOrigin", "topLeft");
            json.WriteStartArray("pointOfOrigin");
            // The model keeps x/y (east/north); the document is in the CRS's axis order (orderedAxes).
            json.WriteNumberValue(latitudeFirst ? matrix.OriginY : matrix.OriginX);
            json.WriteNumberValue(latitudeFirst ? matrix.OriginX : matrix.OriginY);
            json.WriteEndArray();
            json.WriteNumber("tileWidth", matrix.TileWidth);
            json.WriteNumber("tileHeight", matrix.TileHeight);
            json.WriteNumber("matrixWidth", matrix.MatrixWidth);
            json.WriteNumber("matrixHeight", matrix.MatrixHeight);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        OgcApiLink.WriteArray(json, links);
        json.WriteEndObject();
    }

    /// <summary>One entry of <c>/tileMatrixSets</c>: id, title, uri and the link to the definition.</summary>
    public static void WriteSummary(Utf8JsonWriter json, TileMatrixSet tms, string definitionUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tms);
        json.WriteStartObject();
        WriteIdentity(json, tms);
        OgcApiLink.WriteArray(json, [new OgcApiLink(definitionUrl, OgcApiTilesRelations.TilingScheme, OgcApiMediaTypes.Json, tms.Title.Length > 0 ? tms.Title : tms.Id)]);
        json.WriteEndObject();
    }

    /// <summary>What the full definition and the summary both start with: id, title, uri, crs.</summary>
    private static void WriteIdentity(Utf8JsonWriter json, TileMatrixSet tms)
    {
        json.WriteString("id", tms.Id);
        if (tms.Title.Length > 0)
            json.WriteString("title", tms.Title);
        if (tms.Uri is { } uri)
            json.WriteString("uri", uri);
        json.WriteString("crs", tms.CrsUri);
    }

    /// <summary>True when the first ordered axis is a northing or a latitude (EPSG:4326-like sets).</summary>
    public static bool IsNorthingFirst(TileMatrixSet tms) =>
        tms.OrderedAxes.Count > 0 && tms.OrderedAxes[0] is var first
        && (first.Equals("Lat", StringComparison.OrdinalIgnoreCase) || first.Equals("N", StringComparison.OrdinalIgnoreCase)
            || first.Equals("Latitude", StringComparison.OrdinalIgnoreCase));
}
