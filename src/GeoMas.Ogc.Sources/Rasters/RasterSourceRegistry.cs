using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>
/// The raster source of every raster layer of one catalog snapshot, opened once through the
/// <see cref="IRasterSourceFactory"/> that handles its source definition. Built at startup (and for each reloaded
/// snapshot), disposed with it: disposing closes every source it opened.
/// </summary>
public sealed class RasterSourceRegistry : IRasterSourceProvider, IAsyncDisposable
{
    private readonly Dictionary<string, IRasterSource> _byLayer;

    private RasterSourceRegistry(Dictionary<string, IRasterSource> byLayer) => _byLayer = byLayer;

    /// <summary>An empty registry (a catalog without raster layers, or tests of vector-only servers).</summary>
    public static RasterSourceRegistry Empty { get; } = new(new Dictionary<string, IRasterSource>(StringComparer.Ordinal));

    /// <summary>
    /// Opens the source of every raster layer of <paramref name="catalog"/>. Every failure is collected (one
    /// message per layer) rather than stopping at the first; on any failure nothing stays open and the registry is null.
    /// Checks that each source's CRS is supported and matches the layer's configured SRID.
    /// </summary>
    /// <param name="skipUnhandled">
    /// Leave out layers whose source no factory handles instead of reporting them: the server opens local files while
    /// loading the catalog (so <c>geomas check</c> validates them) and cascaded sources later, from the DI container.
    /// </param>
    public static (RasterSourceRegistry? Registry, IReadOnlyList<string> Errors) Open(
        CatalogSnapshot catalog, IReadOnlyList<IRasterSourceFactory> factories, CrsRegistry crs, bool skipUnhandled = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(factories);
        ArgumentNullException.ThrowIfNull(crs);
        var errors = new List<string>();
        var opened = new Dictionary<string, IRasterSource>(StringComparer.Ordinal);
        foreach (var layer in catalog.Layers.Where(l => l.Kind == LayerKind.Raster))
        {
            var where = $"layer '{layer.Id}'";
            if (layer.SourceId is null || !catalog.Sources.TryGetValue(layer.SourceId, out var definition))
            {
                errors.Add($"{where}: source '{layer.SourceId}' is not defined");
                continue;
            }
            var factory = factories.FirstOrDefault(f => f.CanOpen(definition));
            if (factory is null)
            {
                if (skipUnhandled)
                    continue;
                errors.Add($"{where}: no raster reader handles source '{definition.Id}' ({definition.Kind})");
                continue;
            }
            IRasterSource source;
            try
            {
                source = factory.Open(definition, layer);
            }
            catch (Exception ex) when (ex is RasterSourceException or IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or FormatException)
            {
                errors.Add($"{where}: source '{definition.Id}' ({definition.Connection}) cannot be opened: {ex.Message}");
                continue;
            }
            var srid = source.Info.Srid;
            if (!crs.IsSupported(srid))
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: source '{definition.Id}' is in EPSG:{srid}, which is not a supported CRS"));
            else if (srid != layer.Srid)
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: srid is {layer.Srid} but source '{definition.Id}' is in EPSG:{srid}"));
            opened[layer.Id] = source;
        }
        if (errors.Count == 0)
            return (new RasterSourceRegistry(opened), []);
        foreach (var source in opened.Values)
            DisposeSourceAsync(source).AsTask().GetAwaiter().GetResult();
        return (null, errors);
    }

    /// <summary>
    /// One registry owning the sources of both (layer ids must not repeat); dispose only the result afterwards.
    /// </summary>
    public static RasterSourceRegistry Merge(RasterSourceRegistry first, RasterSourceRegistry second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var merged = new Dictionary<string, IRasterSource>(first._byLayer, StringComparer.Ordinal);
        foreach (var (id, source) in second._byLayer)
        {
            if (!merged.TryAdd(id, source))
                throw new ArgumentException($"Layer '{id}' has a raster source in both registries.", nameof(second));
        }
        return new RasterSourceRegistry(merged);
    }

    /// <summary>
    /// The catalog with every raster layer that has no configured extent given its source's extent (a mosaic
    /// pointed at by an environment variable covers whatever the files cover).
    /// </summary>
    public CatalogSnapshot WithSourceExtents(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog.Layers.Any(l => l.Extent.IsNull && _byLayer.ContainsKey(l.Id)))
            return catalog;
        var layers = catalog.Layers
            .Select(l => l.Extent.IsNull && _byLayer.TryGetValue(l.Id, out var source) ? l with { Extent = new NetTopologySuite.Geometries.Envelope(source.Info.Extent) } : l)
            .ToList();
        return new CatalogSnapshot(catalog.Service, catalog.Sources, layers, catalog.Limits, catalog.SupportedSrids, catalog.UpdateSequence);
    }

    /// <summary>Layer id → source, for health checks and tests.</summary>
    public IReadOnlyDictionary<string, IRasterSource> Sources => _byLayer;

    public IRasterSource For(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return _byLayer.TryGetValue(layer.Id, out var source)
            ? source
            : throw new ServiceException(ErrorKind.Internal, "NoApplicableCode", $"Layer '{layer.Id}' has no open raster source.");
    }

    public async ValueTask DisposeAsync()
    {
        if (ReferenceEquals(this, Empty))
            return;
        foreach (var source in _byLayer.Values)
            await DisposeSourceAsync(source).ConfigureAwait(false);
        _byLayer.Clear();
    }

    internal static ValueTask DisposeSourceAsync(IRasterSource source)
    {
        if (source is IAsyncDisposable asyncDisposable)
            return asyncDisposable.DisposeAsync();
        (source as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
