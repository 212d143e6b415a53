using System.Globalization;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// A parsed CRS reference: the EPSG code it denotes plus the spelling the client used.
/// CRS84 is EPSG 4326 with <see cref="IsCrs84"/> set, because it is the same datum and only the
/// axis order differs (lon,lat everywhere).
/// </summary>
/// <param name="Srid">EPSG code (4326 for CRS84, 2154 for IGNF:LAMB93).</param>
/// <param name="IsCrs84">True for every OGC CRS84 / CRS84h spelling.</param>
/// <param name="Form">The syntax that was parsed; drives axis order in WFS/GML (TRAP-1).</param>
/// <param name="Original">The trimmed input text, to echo back to the client.</param>
public readonly record struct CrsIdentifier(int Srid, bool IsCrs84, CrsForm Form, string Original)
{
    private const string Crs84HttpUri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /// <summary>OGC CRS84 (WGS 84 longitude, latitude).</summary>
    public static CrsIdentifier Crs84 { get; } = new(4326, true, CrsForm.OgcCrs84, Crs84HttpUri);

    /// <summary>An EPSG code in the short <c>EPSG:n</c> form.</summary>
    public static CrsIdentifier Epsg(int srid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(srid);
        return new(srid, false, CrsForm.ShortEpsg, "EPSG:" + srid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Parses every form listed in TRAP-2, case-insensitively, after trimming. Unknown EPSG codes parse
    /// (the <see cref="CrsRegistry"/> decides support); unknown syntax or authorities return false.
    /// </summary>
    public static bool TryParse(string? text, out CrsIdentifier crs) => CrsIdentifierParser.TryParse(text, out crs);

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not a recognised CRS reference.</exception>
    public static CrsIdentifier Parse(string text)
    {
        if (TryParse(text, out var crs))
        {
            return crs;
        }

        throw new FormatException($"'{text}' is not a recognised CRS identifier.");
    }

    /// <summary>True when both identifiers denote the same CRS, whatever their spelling (axis order apart).</summary>
    public bool DenotesSameCrs(CrsIdentifier other) => Srid == other.Srid && IsCrs84 == other.IsCrs84;

    /// <summary>WMS form: <c>EPSG:2154</c> or <c>CRS:84</c>.</summary>
    public string ToShortForm() => IsCrs84 ? "CRS:84" : "EPSG:" + Code;

    /// <summary>WMTS / WFS form: <c>urn:ogc:def:crs:EPSG::2154</c> or <c>urn:ogc:def:crs:OGC:1.3:CRS84</c>.</summary>
    public string ToUrn() => IsCrs84 ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + Code;

    /// <summary>OGC API form: <c>http://www.opengis.net/def/crs/EPSG/0/2154</c> or the CRS84 URI.</summary>
    public string ToHttpUri() => IsCrs84 ? Crs84HttpUri : "http://www.opengis.net/def/crs/EPSG/0/" + Code;

    private string Code => Srid.ToString(CultureInfo.InvariantCulture);
}
