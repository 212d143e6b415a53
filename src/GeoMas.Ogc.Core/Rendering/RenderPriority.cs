namespace GeoMas.Ogc.Core.Rendering;

/// <summary>Which lane of the <see cref="RenderGate"/> a render waits in.</summary>
public enum RenderPriority
{
    /// <summary>A user looking at a map: the main lane.</summary>
    Interactive,

    /// <summary>
    /// A bulk tile client (an offline sync pulling whole pyramids): its cache misses go through the small bulk lane
    /// first, so at most that many main slots are ever taken by bulk work and interactive users never starve.
    /// </summary>
    Bulk,

    /// <summary>Seeding: the bulk lane too, but it waits for a slot however long it takes instead of being refused.</summary>
    Background,
}
