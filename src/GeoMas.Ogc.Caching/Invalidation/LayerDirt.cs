using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>What changed in one drawable layer: rectangles in the layer's SRID, or the whole layer (<see cref="Areas"/> null).</summary>
public sealed record LayerDirt(string LayerId, IReadOnlyList<Envelope>? Areas)
{
    public bool IsWholeLayer => Areas is null;
}
