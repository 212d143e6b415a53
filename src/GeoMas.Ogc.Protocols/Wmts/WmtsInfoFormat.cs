using GeoMas.Ogc.Protocols.Encoding;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>A GetFeatureInfo format offered by WMTS (the WMS encoders) and the extension of its REST URL.</summary>
public sealed record WmtsInfoFormat(IFeatureInfoEncoder Encoder, string Extension)
{
    public static IReadOnlyList<WmtsInfoFormat> All { get; } =
    [
        new(Require("text/plain"), "txt"),
        new(Require("text/html"), "html"),
        new(Require("application/json"), "json"),
        new(Require("application/vnd.ogc.gml"), "gml"),
    ];

    public string MimeType => Encoder.MimeType;

    public static WmtsInfoFormat? FindByMime(string mime)
    {
        var encoder = FeatureInfoEncoders.Find(mime);
        return encoder is null ? null : All.FirstOrDefault(f => ReferenceEquals(f.Encoder, encoder));
    }

    public static WmtsInfoFormat? FindByExtension(string extension) =>
        All.FirstOrDefault(f => f.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase));

    private static IFeatureInfoEncoder Require(string mime) =>
        FeatureInfoEncoders.Find(mime) ?? throw new InvalidOperationException($"No feature info encoder for {mime}.");
}
