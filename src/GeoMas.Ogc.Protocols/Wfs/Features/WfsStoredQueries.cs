namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>The one stored query every WFS 2.0 offers (WFS-O3): GetFeatureById, under both of its identifiers.</summary>
public static class WfsStoredQueries
{
    public const string GetFeatureById = "http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById";
    public const string GetFeatureByIdUrn = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    public static bool IsGetFeatureById(string id) =>
        string.Equals(id, GetFeatureById, StringComparison.Ordinal) || string.Equals(id, GetFeatureByIdUrn, StringComparison.Ordinal);
}
