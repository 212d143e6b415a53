namespace GeoMas.Ogc.Sources.Remote.Wms;

/// <summary>What the cascade needs of an upstream WMS capabilities document.</summary>
/// <param name="GetMapUrl">The GetMap HTTP GET online resource (null when the document names none: the configured URL is used).</param>
/// <param name="Formats">GetMap formats.</param>
/// <param name="MaxWidth">The upstream's MaxWidth (WMS 1.3.0), or null.</param>
/// <param name="MaxHeight">The upstream's MaxHeight (WMS 1.3.0), or null.</param>
public sealed record WmsUpstreamCapabilities(string Version, Uri? GetMapUrl, IReadOnlyList<string> Formats, int? MaxWidth, int? MaxHeight);
