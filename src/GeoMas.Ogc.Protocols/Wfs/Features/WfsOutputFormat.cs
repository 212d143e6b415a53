using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

public enum WfsOutputKind { Gml32, Gml31, GeoJson, Csv }

/// <summary>
/// OUTPUTFORMAT of GetFeature: GML 3.2 (the WFS 2.0 default, WFS-Q1), GML 3.1.1 (the WFS 1.1 default), GeoJSON and
/// CSV, under the names clients send (GDAL, QGIS, OWSLib, MapServer/GeoServer spellings). The media type sent back
/// is the canonical one of the kind.
/// </summary>
public sealed record WfsOutputFormat(WfsOutputKind Kind, string MediaType)
{
    public static WfsOutputFormat Gml32 { get; } = new(WfsOutputKind.Gml32, "application/gml+xml; version=3.2");
    public static WfsOutputFormat Gml31 { get; } = new(WfsOutputKind.Gml31, "text/xml; subtype=gml/3.1.1");
    public static WfsOutputFormat GeoJson { get; } = new(WfsOutputKind.GeoJson, "application/json; charset=utf-8");
    public static WfsOutputFormat Csv { get; } = new(WfsOutputKind.Csv, "text/csv; charset=utf-8");

    /// <summary>The names GetCapabilities may advertise for GetFeature's outputFormat, first = default.</summary>
    public static IReadOnlyList<string> Advertised { get; } =
        ["application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "text/xml; subtype=gml/3.1.1", "application/json", "application/geo+json", "text/csv"];

    public bool IsGml => Kind is WfsOutputKind.Gml32 or WfsOutputKind.Gml31;

    /// <summary>Null/empty = the version's default; an unknown name is InvalidParameterValue on outputFormat.</summary>
    public static WfsOutputFormat Parse(string? text, string version)
    {
        if (string.IsNullOrWhiteSpace(text))
            return version == WfsVersion.V110 ? Gml31 : Gml32;
        // Media type parameters vary in spacing and quoting: compare without blanks and quotes.
        var key = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '"').ToArray()).ToLowerInvariant();
        return key switch
        {
            "application/gml+xml;version=3.2" or "text/xml;subtype=gml/3.2" or "text/xml;subtype=gml/3.2.1"
                or "application/gml+xml;version=3.2.1" or "gml32" or "application/gml+xml" => Gml32,
            "text/xml;subtype=gml/3.1.1" or "text/xml;subtype=gml/3.1" or "gml3" or "gml31" => Gml31,
            "text/xml" => version == WfsVersion.V110 ? Gml31 : Gml32,
            "application/json" or "application/geo+json" or "application/vnd.geo+json" or "json" or "geojson"
                or "application/json;subtype=geojson" => GeoJson,
            "text/csv" or "csv" => Csv,
            _ => throw ServiceException.Invalid("outputFormat",
                $"Output format '{text}' is not supported; use one of: {string.Join(", ", Advertised)}."),
        };
    }
}
