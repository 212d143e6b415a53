using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// Extents of layers for capabilities: the geographic box and one BoundingBox per advertised CRS (WMS-L3, L4).
/// The CRS:84 and EPSG:4326 boxes are the very same doubles as the geographic box, so printed with "R" they
/// compare equal to EX_GeographicBoundingBox (WMS-L5). Groups take the union of their members.
/// </summary>
public sealed class WmsLayerExtents(CatalogSnapshot snapshot, CrsRegistry registry, WmsVersion version)
{
    // A single point or a horizontal line still needs west < east and south < north (WMS-L3).
    private const double MinimumDegrees = 1e-6;

    private readonly Dictionary<string, (Envelope Geographic, IReadOnlyList<WmsBoundingBox> Boxes)> _cache = new(StringComparer.Ordinal);

    /// <summary>The CRSs every layer is offered in, in advertising order (root layer CRS/SRS list, WMS-L2).</summary>
    public IReadOnlyList<CrsIdentifier> AdvertisedCrs { get; } = BuildCrsList(snapshot, registry, version);

    public Envelope Geographic(LayerDefinition layer) => Get(layer).Geographic;

    public IReadOnlyList<WmsBoundingBox> BoundingBoxes(LayerDefinition layer) => Get(layer).Boxes;

    /// <summary>The union over <paramref name="layers"/> (the root layer).</summary>
    public (Envelope Geographic, IReadOnlyList<WmsBoundingBox> Boxes) Union(IEnumerable<LayerDefinition> layers)
    {
        var geographic = new Envelope();
        var boxes = new Dictionary<CrsIdentifier, Envelope>();
        foreach (var layer in layers)
        {
            var (g, b) = Get(layer);
            geographic.ExpandToInclude(g);
            foreach (var box in b)
            {
                if (boxes.TryGetValue(box.Crs, out var union))
                    union.ExpandToInclude(box.Extent);
                else
                    boxes[box.Crs] = new Envelope(box.Extent);
            }
        }
        return (geographic, Ordered(boxes, geographic));
    }

    private (Envelope Geographic, IReadOnlyList<WmsBoundingBox> Boxes) Get(LayerDefinition layer)
    {
        if (_cache.TryGetValue(layer.Id, out var cached))
            return cached;
        var result = layer.Kind == LayerKind.Group
            ? Union(snapshot.Expand(layer).Where(l => l.Kind != LayerKind.Group))
            : Compute(layer);
        _cache[layer.Id] = result;
        return result;
    }

    private (Envelope, IReadOnlyList<WmsBoundingBox>) Compute(LayerDefinition layer)
    {
        var geographic = GeographicOf(layer);
        var boxes = new Dictionary<CrsIdentifier, Envelope>();
        foreach (var crs in AdvertisedCrs)
        {
            if (crs.Srid == 4326)
                continue; // Added by Ordered from the geographic box itself.
            if (crs.Srid == layer.Srid && !layer.Extent.IsNull)
            {
                boxes[crs] = new Envelope(layer.Extent);
                continue;
            }
            var projected = Project(layer, geographic, crs.Srid);
            if (projected is not null)
                boxes[crs] = projected;
        }
        return (geographic, Ordered(boxes, geographic));
    }

    private IReadOnlyList<WmsBoundingBox> Ordered(Dictionary<CrsIdentifier, Envelope> boxes, Envelope geographic)
    {
        var result = new List<WmsBoundingBox>();
        foreach (var crs in AdvertisedCrs)
        {
            if (crs.Srid == 4326)
                result.Add(new WmsBoundingBox(crs, geographic));
            else if (boxes.TryGetValue(crs, out var box))
                result.Add(new WmsBoundingBox(crs, box));
        }
        return result;
    }

    private Envelope GeographicOf(LayerDefinition layer)
    {
        Envelope geographic;
        if (!layer.GeographicExtent.IsNull)
            geographic = new Envelope(layer.GeographicExtent);
        else if (!layer.Extent.IsNull && registry.IsSupported(layer.Srid))
            geographic = registry.GetTransform(layer.Srid, 4326).TransformEnvelope(layer.Extent);
        else
            geographic = registry.IsSupported(layer.Srid) ? registry.AreaOfUse(layer.Srid) : new Envelope(-180, 180, -90, 90);
        if (geographic.IsNull)
            geographic = new Envelope(-180, 180, -90, 90);
        if (geographic.Width < MinimumDegrees || geographic.Height < MinimumDegrees)
            geographic.ExpandBy(MinimumDegrees);
        return geographic;
    }

    // The native extent transforms best (no double rounding); fall back to the geographic box.
    private Envelope? Project(LayerDefinition layer, Envelope geographic, int srid)
    {
        var (source, from) = !layer.Extent.IsNull && registry.IsSupported(layer.Srid) ? (layer.Extent, layer.Srid) : (geographic, 4326);
        var projected = registry.GetTransform(from, srid).TransformEnvelope(source);
        return projected.IsNull || projected.Width <= 0 || projected.Height <= 0 ? null : projected;
    }

    private static List<CrsIdentifier> BuildCrsList(CatalogSnapshot snapshot, CrsRegistry registry, WmsVersion version)
    {
        var list = new List<CrsIdentifier>();
        foreach (var srid in snapshot.SupportedSrids.Where(registry.IsSupported).Distinct())
        {
            list.Add(CrsIdentifier.Epsg(srid));
            // CRS:84 exists in 1.3.0 only (§1.9); it follows EPSG:4326.
            if (srid == 4326 && version == WmsVersion.V130)
                list.Add(CrsIdentifier.Crs84);
        }
        return list;
    }
}
