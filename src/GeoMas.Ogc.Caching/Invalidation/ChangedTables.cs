using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>Which drawable layers a database change concerns: those of that source reading that table (several layers may share one table).</summary>
public static class ChangedTables
{
    public static IReadOnlyList<LayerDefinition> LayersOf(CatalogSnapshot catalog, DataChange change)
    {
        var result = new List<LayerDefinition>();
        foreach (var layer in catalog.Layers)
        {
            if (layer.Kind != LayerKind.Vector || layer.SourceId != change.SourceId || layer.Table is null)
                continue;
            if (change.IsWholeSource)
            {
                result.Add(layer);
                continue;
            }
            var defaultSchema = catalog.Sources.TryGetValue(change.SourceId, out var source) ? source.Schema : "public";
            var dot = layer.Table.IndexOf('.', StringComparison.Ordinal);
            var (schema, table) = dot > 0 && dot < layer.Table.Length - 1
                ? (layer.Table[..dot], layer.Table[(dot + 1)..])
                : (defaultSchema, layer.Table);
            if (string.Equals(schema, change.Schema, StringComparison.Ordinal) && string.Equals(table, change.Table, StringComparison.Ordinal))
                result.Add(layer);
        }
        return result;
    }
}
