namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>The MIME types advertised per operation (DescribeFeatureType schemas, GetFeature and GetPropertyValue responses).</summary>
public static class WfsOutputFormats
{
    public const string Gml32 = "application/gml+xml; version=3.2";
    public const string Gml32TextXml = "text/xml; subtype=gml/3.2";
    public const string Gml311 = "text/xml; subtype=gml/3.1.1";
    public const string Json = "application/json";
    public const string Csv = "text/csv";

    /// <summary>DescribeFeatureType (2.0.0): the GML 3.2 application schema, under both names clients use.</summary>
    public static IReadOnlyList<string> Schema20 { get; } = [Gml32, Gml32TextXml];

    /// <summary>DescribeFeatureType (1.1.0): the GML 3.1.1 application schema.</summary>
    public static IReadOnlyList<string> Schema110 { get; } = [Gml311];

    /// <summary>GetFeature (2.0.0), default first.</summary>
    public static IReadOnlyList<string> Features20 { get; } = [Gml32, Json, Csv];

    /// <summary>GetFeature (1.1.0), default first.</summary>
    public static IReadOnlyList<string> Features110 { get; } = [Gml311];

    /// <summary>
    /// True when <paramref name="requested"/> names one of <paramref name="formats"/>: compared case-insensitively with
    /// blanks around ';' and '=' ignored, and '+' read as a space (a KVP "application/gml+xml; version=3.2" may arrive
    /// with its '+' decoded), so every spelling clients send of the same MIME type matches.
    /// </summary>
    public static bool Matches(string requested, string format) =>
        string.Equals(Canonical(requested), Canonical(format), StringComparison.OrdinalIgnoreCase);

    public static string? Find(string requested, IReadOnlyList<string> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        return formats.FirstOrDefault(f => Matches(requested, f));
    }

    private static string Canonical(string mime)
    {
        var parts = mime.Replace("gml xml", "gml+xml", StringComparison.OrdinalIgnoreCase).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(';', parts.Select(p => string.Join('=', p.Split('=', StringSplitOptions.TrimEntries)).Replace("\"", "", StringComparison.Ordinal)));
    }
}
