namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// A tile matrix set loaded from OGC 2D-TMS JSON (config/tilematrixsets/*.json): WebMercatorQuad, WorldCRS84Quad, LAMB93.
/// Shared by WMTS, XYZ and OGC API Tiles.
/// </summary>
public sealed record TileMatrixSet
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    /// <summary>Registered URI (http://www.opengis.net/def/tilematrixset/OGC/1.0/…) or null for our own sets.</summary>
    public string? Uri { get; init; }
    /// <summary>CRS URI as written in the JSON (http://www.opengis.net/def/crs/EPSG/0/3857, …/OGC/1.3/CRS84).</summary>
    public required string CrsUri { get; init; }
    /// <summary>SRID used internally (CRS84 → 4326 with lon/lat x/y).</summary>
    public required int Srid { get; init; }
    public bool IsCrs84 { get; init; }
    public IReadOnlyList<string> OrderedAxes { get; init; } = ["X", "Y"];
    public string? WellKnownScaleSet { get; init; }
    /// <summary>Ordered from the coarsest (largest scale denominator) to the finest.</summary>
    public required IReadOnlyList<TileMatrix> TileMatrices { get; init; }

    public TileMatrix? FindMatrix(string id) => TileMatrices.FirstOrDefault(m => m.Id == id);
}
