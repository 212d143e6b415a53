using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>How FES filters and sort specifications are read.</summary>
public sealed record Fes20ReaderOptions
{
    public static Fes20ReaderOptions Default { get; } = new();

    /// <summary>
    /// CRS of GML geometries without a <c>srsName</c> (WFS: the query's SRSNAME, else the layer's native CRS).
    /// Null: such geometries get SRID 0 ("the layer's native CRS" for the sources) in x/y order.
    /// </summary>
    public CrsIdentifier? DefaultCrs { get; init; }

    /// <summary>
    /// The queried feature type names (e.g. "parcelles"). A resource id in the <c>typename.id</c> form WFS servers
    /// publish as gml:id (<c>parcelles.12</c>, also <c>geomas:parcelles.12</c>) is reduced to the row id when its
    /// type is one of these; other ids are kept as sent. Empty: ids are kept as sent.
    /// </summary>
    public IReadOnlySet<string> TypeNames { get; init; } = new HashSet<string>();

    /// <summary>Longest accepted filter document, in characters.</summary>
    public int MaxLength { get; init; } = 1_000_000;

    /// <summary>Deepest element nesting accepted.</summary>
    public int MaxDepth { get; init; } = 100;
}
