namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The stored queries this server offers: only the mandatory GetFeatureById (WFS 2.0 §7.9.3.6, WFS-O3), under its
/// http identifier (advertised) and the deprecated URN (accepted on input). GetFeature executes it; this class only
/// names it. <c>ManageStoredQueries</c> is FALSE: clients cannot create others.
/// </summary>
public static class WfsStoredQueries
{
    public const string GetFeatureById = "http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById";
    public const string GetFeatureByIdUrn = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    /// <summary>The parameter of GetFeatureById: the feature's gml:id (e.g. <c>parcelles.05061000DS0074</c>).</summary>
    public const string IdParameter = "id";

    /// <summary>True when <paramref name="id"/> is either spelling of GetFeatureById.</summary>
    public static bool IsGetFeatureById(string? id) =>
        id is not null && (id.Trim() == GetFeatureById || id.Trim().Equals(GetFeatureByIdUrn, StringComparison.OrdinalIgnoreCase));
}
