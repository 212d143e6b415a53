namespace GeoMas.Ogc.Core.Tiling;

/// <summary>The tile matrix sets read from a folder and every error found in it (all files are read, all errors kept).</summary>
public sealed record TileMatrixSetLoadResult(IReadOnlyList<TileMatrixSet> Sets, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
