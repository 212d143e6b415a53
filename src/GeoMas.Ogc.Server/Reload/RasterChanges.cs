using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// Raster sources (COG files, mosaics, cascaded WMS/WMTS) are opened once per layer by the container; a reload keeps
/// them. So a reload may restyle or retitle a raster layer, but adding or removing one, or pointing it at another
/// source, needs a restart — reported as a reload error rather than half applied.
/// </summary>
public static class RasterChanges
{
    public static IReadOnlyList<string> Between(CatalogSnapshot running, CatalogSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(next);
        var before = Rasters(running);
        var after = Rasters(next);
        var errors = new List<string>();
        foreach (var (id, source) in after)
        {
            if (!before.TryGetValue(id, out var old))
                errors.Add($"layer '{id}': a raster layer cannot be added by a reload (restart the server)");
            else if (old != source)
                errors.Add($"layer '{id}': its raster source changed; raster sources change only with a restart");
        }
        foreach (var id in before.Keys.Where(id => !after.ContainsKey(id)))
            errors.Add($"layer '{id}': a raster layer cannot be removed by a reload (restart the server)");
        return errors;
    }

    /// <summary>Raster layer id → its source definition (kind, connection, remote settings) as comparable text.</summary>
    private static Dictionary<string, string> Rasters(CatalogSnapshot catalog) =>
        catalog.Layers.Where(l => l.Kind == LayerKind.Raster).ToDictionary(
            l => l.Id,
            l => l.SourceId is { } id && catalog.Sources.TryGetValue(id, out var source)
                ? $"{source.Id}|{source.Kind}|{source.Connection}|{source.Remote}|{l.Srid}"
                : $"{l.SourceId}|{l.Srid}",
            StringComparer.Ordinal);
}
