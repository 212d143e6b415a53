namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>The INFO_FORMATs GetFeatureInfo offers, in advertising order (first = default).</summary>
public static class FeatureInfoEncoders
{
    public static IReadOnlyList<IFeatureInfoEncoder> All { get; } =
    [
        new PlainTextFeatureInfoEncoder(),
        new HtmlFeatureInfoEncoder(),
        new GeoJsonFeatureInfoEncoder(),
        new GmlFeatureInfoEncoder(GmlVersion.Gml2),
        new GmlFeatureInfoEncoder(GmlVersion.Gml3),
    ];

    public static IFeatureInfoEncoder Default => All[0];

    /// <summary>Exact MIME match, case-insensitive, blanks around ';' ignored.</summary>
    public static IFeatureInfoEncoder? Find(string mime)
    {
        var normalized = Normalize(mime);
        return All.FirstOrDefault(e => Normalize(e.MimeType) == normalized);
    }

    private static string Normalize(string mime) =>
        string.Join(";", mime.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
