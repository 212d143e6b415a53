using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// The tile matrix sets the server offers (singleton), in file-name order. Looked up by id, case-sensitively
/// (WMTS identifiers and OGC API path segments are case-sensitive), or by registered URI.
/// </summary>
public sealed class TileMatrixSetCatalog
{
    private readonly Dictionary<string, TileMatrixSet> _byKey = new(StringComparer.Ordinal);

    public TileMatrixSetCatalog(IEnumerable<TileMatrixSet> sets)
    {
        All = [.. sets];
        foreach (var set in All)
        {
            if (!_byKey.TryAdd(set.Id, set))
            {
                throw new ArgumentException($"Tile matrix set id '{set.Id}' is used twice.", nameof(sets));
            }
        }

        foreach (var set in All)
        {
            if (set.Uri is { } uri && !_byKey.TryAdd(uri, set) && _byKey[uri] != set)
            {
                throw new ArgumentException($"Tile matrix set URI '{uri}' is used twice.", nameof(sets));
            }
        }
    }

    public IReadOnlyList<TileMatrixSet> All { get; }

    /// <summary>The set with this id (exact case) or registered URI; null when unknown.</summary>
    public TileMatrixSet? Find(string id) => _byKey.GetValueOrDefault(id);

    /// <summary>Loads a folder of TMS 2.0 JSON files.</summary>
    /// <exception cref="TileMatrixSetLoadException">Any file is invalid (every error is listed).</exception>
    public static TileMatrixSetCatalog Load(string directory, CrsRegistry crs)
    {
        var result = TileMatrixSetLoader.LoadDirectory(directory, crs);
        if (!result.Succeeded)
        {
            throw new TileMatrixSetLoadException(result.Errors);
        }

        return new TileMatrixSetCatalog(result.Sets);
    }
}
