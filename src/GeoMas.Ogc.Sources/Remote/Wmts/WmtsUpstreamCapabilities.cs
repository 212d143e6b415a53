namespace GeoMas.Ogc.Sources.Remote.Wmts;

/// <summary>One tile matrix of an upstream set, in the set's CRS with x = east, y = north (axis order already resolved).</summary>
public sealed record WmtsUpstreamMatrix(
    string Identifier, double ScaleDenominator, double Resolution, double OriginX, double OriginY,
    int TileWidth, int TileHeight, long MatrixWidth, long MatrixHeight);

/// <summary>An upstream tile matrix set: its CRS and matrices, coarsest first.</summary>
public sealed record WmtsUpstreamMatrixSet(string Identifier, int Srid, IReadOnlyList<WmtsUpstreamMatrix> Matrices);

/// <summary>A RESTful tile URL template (ResourceURL resourceType="tile").</summary>
public sealed record WmtsResourceTemplate(string Format, string Template);

/// <summary>What the cascade needs of an upstream WMTS capabilities document, for the one configured layer.</summary>
public sealed record WmtsUpstreamCapabilities(
    string Layer,
    IReadOnlyList<string> Styles,
    string? DefaultStyle,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> LinkedMatrixSets,
    IReadOnlyList<WmtsResourceTemplate> ResourceTemplates,
    WmtsUpstreamMatrixSet? MatrixSet,
    Uri? KvpGetTileUrl);
