using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Security;

/// <summary>The outcome of the rules for one principal and one layer.</summary>
public sealed record LayerAccess(bool Allowed, IReadOnlyList<Geometry> Territories, IReadOnlySet<string>? Attributes)
{
    public static LayerAccess Denied { get; } = new(false, [], null);
    public static LayerAccess Full { get; } = new(true, [], null);

    /// <summary>Allowed everywhere with every attribute: the same view as an unrestricted caller.</summary>
    public bool IsFull => Allowed && Territories.Count == 0 && Attributes is null;
}
