namespace GeoMas.Ogc.Core.Rendering;

/// <summary>
/// The <see cref="RenderPriority"/> of the work in progress, flowing with the async context (set once per request by
/// the server, or by the seeder), so the renders deep down — a metatile behind the tile cache, a WMS map — are gated
/// in the right lane without every service passing it along.
/// </summary>
public static class RenderLane
{
    private static readonly AsyncLocal<RenderPriority> Priority = new();

    public static RenderPriority Current
    {
        get => Priority.Value;
        set => Priority.Value = value;
    }
}
