using System.Globalization;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Second half of catalog loading: asks the sources about the data. Checks every vector layer's table, columns and
/// SRID, fills extents that the configuration leaves out (native and lon/lat), reads time values, computes group
/// extents as the union of their children, and folds these data facts into the updateSequence. All problems are
/// collected; an unreachable source is reported once, not once per layer.
/// </summary>
public static class CatalogLoader
{
    /// <param name="draft">The snapshot from <see cref="CatalogBuilder"/>.</param>
    /// <param name="sources">The source objects built from <paramref name="draft"/>'s source definitions.</param>
    /// <param name="allSources">Every feature source, for the one-ping-per-source reachability check.</param>
    /// <param name="requireSources">false: an unreachable source is a warning and its layers are published degraded.</param>
    public static async Task<CatalogLoadResult> LoadAsync(
        CatalogSnapshot draft, IFeatureSourceProvider sources, IEnumerable<IFeatureSource> allSources, CrsRegistry crs,
        bool requireSources, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var unreachable = await PingAllAsync(allSources, requireSources ? errors : warnings, cancellationToken).ConfigureAwait(false);

        using var fingerprint = new CatalogFingerprint();
        fingerprint.Append(draft.UpdateSequence);

        var loaded = new Dictionary<string, LayerDefinition>(StringComparer.Ordinal);
        foreach (var layer in draft.Layers.Where(l => l.Kind != LayerKind.Group))
        {
            var where = $"layer '{layer.Id}'";
            var result = layer.Kind == LayerKind.Vector && layer.SourceId is { } sourceId && !unreachable.Contains(sourceId)
                ? await LoadVectorAsync(where, layer, sources, errors, cancellationToken).ConfigureAwait(false)
                : layer;
            if (result is null)
                continue; // Its problems are reported; an extent question would only repeat them.
            if (result.Extent.IsNull)
            {
                if (layer.Kind == LayerKind.Vector && layer.SourceId is { } s && unreachable.Contains(s))
                {
                    // Degraded start: publish the CRS's area of use until the data can be asked again.
                    result = result with { Extent = crs.ValidBounds(layer.Srid) };
                }
                else
                {
                    errors.Add(layer.Kind == LayerKind.Raster
                        ? $"{where}: its raster source gave no extent; set \"extent\" in the configuration"
                        : $"{where}: the table holds no rows, so its extent is unknown; set \"extent\" in the configuration");
                    continue;
                }
            }
            result = result with { GeographicExtent = ToGeographic(crs, result.Srid, result.Extent) };
            fingerprint.Append(Describe(result));
            loaded[layer.Id] = result;
        }

        var layers = new List<LayerDefinition>(draft.Layers.Count);
        foreach (var layer in draft.Layers)
        {
            var final = layer.Kind == LayerKind.Group ? WithGroupExtent(layer, draft, loaded, crs) : loaded.GetValueOrDefault(layer.Id);
            if (final is not null)
                layers.Add(final);
        }

        if (errors.Count > 0)
            return new CatalogLoadResult(null, errors, warnings);
        var snapshot = new CatalogSnapshot(draft.Service, draft.Sources, layers, draft.Limits, draft.SupportedSrids, fingerprint.ToUpdateSequence());
        return new CatalogLoadResult(snapshot, [], warnings);
    }

    private static async Task<HashSet<string>> PingAllAsync(IEnumerable<IFeatureSource> allSources, List<string> report, CancellationToken cancellationToken)
    {
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in allSources)
        {
            string? problem = null;
            try
            {
                if (!await source.PingAsync(cancellationToken).ConfigureAwait(false))
                    problem = "does not answer";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                problem = ex.Message;
            }
            if (problem is not null)
            {
                unreachable.Add(source.SourceId);
                report.Add($"source '{source.SourceId}' is unreachable: {problem}");
            }
        }
        return unreachable;
    }

    /// <summary>The layer with its data facts, or null when the table does not match its definition (errors added).</summary>
    private static async Task<LayerDefinition?> LoadVectorAsync(
        string where, LayerDefinition layer, IFeatureSourceProvider sources, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            var source = sources.For(layer);
            var problems = await source.ValidateLayerAsync(layer, cancellationToken).ConfigureAwait(false);
            foreach (var problem in problems)
                errors.Add($"{where}: {problem}");
            if (problems.Count > 0)
                return null; // Extents and time values of a table that does not match its definition would fail too.

            var result = layer;
            if (layer.Extent.IsNull && await source.GetExtentAsync(layer, cancellationToken).ConfigureAwait(false) is { IsNull: false } extent)
                result = result with { Extent = extent };
            if (layer.Time is { } time)
            {
                var values = await source.GetTimeValuesAsync(layer, cancellationToken).ConfigureAwait(false);
                result = result with { Time = time with { Values = values } };
            }
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            errors.Add($"{where}: {ex.Message}");
            return null;
        }
    }

    private static Envelope ToGeographic(CrsRegistry crs, int srid, Envelope extent) =>
        crs.GetTransform(srid, 4326).TransformEnvelope(extent);

    /// <summary>Union of the (already loaded) members, recursively; a configured group extent wins.</summary>
    private static LayerDefinition WithGroupExtent(LayerDefinition group, CatalogSnapshot draft, Dictionary<string, LayerDefinition> loaded, CrsRegistry crs)
    {
        var geographic = new Envelope();
        var native = new Envelope();
        var nativeSrid = draft.SupportedSrids.Count > 0 ? draft.SupportedSrids[0] : 4326;
        foreach (var leaf in draft.Expand(group))
        {
            if (!loaded.TryGetValue(leaf.Id, out var member))
                continue;
            geographic.ExpandToInclude(member.GeographicExtent);
            native.ExpandToInclude(member.Srid == nativeSrid ? member.Extent : crs.GetTransform(member.Srid, nativeSrid).TransformEnvelope(member.Extent));
        }
        if (!group.Extent.IsNull)
            return group with { Srid = nativeSrid, GeographicExtent = ToGeographic(crs, nativeSrid, group.Extent) };
        return group with { Srid = nativeSrid, Extent = native, GeographicExtent = geographic };
    }

    /// <summary>The data facts of a layer, for the fingerprint.</summary>
    private static string Describe(LayerDefinition layer) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{layer.Id}|{layer.Extent.MinX:R}|{layer.Extent.MinY:R}|{layer.Extent.MaxX:R}|{layer.Extent.MaxY:R}|{string.Join(",", layer.Time?.Values.Select(v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) ?? [])}");
}
