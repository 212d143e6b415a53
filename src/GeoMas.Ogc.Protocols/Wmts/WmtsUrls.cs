namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// The URLs WMTS advertises, from the public base URL (TRAP-10). REST templates follow WMTS 1.0.0 §10.2 with the
/// TIME dimension right after the style, as IGN and ArcGIS place dimensions:
/// <c>{layer}/{Style}[/{time}]/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png</c>, feature info adds <c>/{J}/{I}.json</c>.
/// </summary>
public sealed class WmtsUrls(string baseUrl)
{
    public const string KvpPath = "/wmts";
    public const string RestRoot = "/wmts/" + WmtsVersion.Current;
    public const string CapabilitiesFile = "WMTSCapabilities.xml";

    /// <summary>KVP endpoint, ending with '?' so clients and the ETS can append parameters (WMTS-A7).</summary>
    public string Kvp { get; } = baseUrl + KvpPath + "?";

    public string ServiceMetadata { get; } = baseUrl + RestRoot + "/" + CapabilitiesFile;

    public string TileTemplate(string layer, bool hasTime, string extension) =>
        $"{Prefix(layer, hasTime)}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}.{extension}";

    public string FeatureInfoTemplate(string layer, bool hasTime, string extension) =>
        $"{Prefix(layer, hasTime)}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}/{{J}}/{{I}}.{extension}";

    private string Prefix(string layer, bool hasTime) =>
        $"{baseUrl}{RestRoot}/{Uri.EscapeDataString(layer)}/{{Style}}" + (hasTime ? "/{" + WmtsTimeDimension.Identifier + "}" : "");
}
