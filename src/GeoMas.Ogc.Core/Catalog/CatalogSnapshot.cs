namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// The immutable, validated picture of everything the server publishes. A request reads one snapshot
/// from start to end; a reload swaps the whole snapshot.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, LayerDefinition> _layersById;

    public CatalogSnapshot(
        ServiceMetadata service,
        IReadOnlyDictionary<string, SourceDefinition> sources,
        IReadOnlyList<LayerDefinition> layers,
        ServiceLimits limits,
        IReadOnlyList<int> supportedSrids,
        string updateSequence)
    {
        Service = service;
        Sources = sources;
        Layers = layers;
        Limits = limits;
        SupportedSrids = supportedSrids;
        UpdateSequence = updateSequence;
        _layersById = layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    public ServiceMetadata Service { get; }
    public IReadOnlyDictionary<string, SourceDefinition> Sources { get; }
    /// <summary>All layers (groups included) in publication order.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; }
    public ServiceLimits Limits { get; }
    /// <summary>CRSs offered for maps, in advertising order (first = native).</summary>
    public IReadOnlyList<int> SupportedSrids { get; }
    /// <summary>Changes whenever the published content changes (WMS/WMTS updateSequence).</summary>
    public string UpdateSequence { get; }

    public LayerDefinition? FindLayer(string id) => _layersById.GetValueOrDefault(id);

    /// <summary>Expands groups into their drawable member layers, bottom to top.</summary>
    public IEnumerable<LayerDefinition> Expand(LayerDefinition layer)
    {
        if (layer.Kind != LayerKind.Group)
        {
            yield return layer;
            yield break;
        }
        foreach (var childId in layer.Children)
        {
            if (FindLayer(childId) is { } child)
            {
                foreach (var leaf in Expand(child))
                    yield return leaf;
            }
        }
    }
}
