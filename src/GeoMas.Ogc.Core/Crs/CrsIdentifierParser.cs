using System.Globalization;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// Syntax of the CRS references met in OGC requests (TRAP-2). Kept apart from <see cref="CrsIdentifier"/>
/// so the record stays a plain value.
/// </summary>
internal static class CrsIdentifierParser
{
    private const StringComparison Ci = StringComparison.OrdinalIgnoreCase;

    // IGN's own registry: only codes that have an exact EPSG equivalent we support. Geographic IGNF
    // codes are left out on purpose: their axis order differs from EPSG's and guessing would be worse.
    private static readonly Dictionary<string, int> IgnfCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LAMB93"] = 2154,
        ["LAMBE"] = 27572,
        ["RGF93CC42"] = 3942,
        ["RGF93CC43"] = 3943,
        ["RGF93CC44"] = 3944,
        ["RGF93CC45"] = 3945,
        ["RGF93CC46"] = 3946,
        ["RGF93CC47"] = 3947,
        ["RGF93CC48"] = 3948,
        ["RGF93CC49"] = 3949,
        ["RGF93CC50"] = 3950,
    };

    public static bool TryParse(string? text, out CrsIdentifier crs)
    {
        crs = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith('[') && s.EndsWith(']'))
        {
            return TryCurie(s[1..^1], s, CrsForm.SafeCurie, out crs);
        }

        if (s.StartsWith("urn:", Ci))
        {
            return TryUrn(s, out crs);
        }

        if (s.StartsWith("http://", Ci) || s.StartsWith("https://", Ci))
        {
            return TryHttp(s, out crs);
        }

        return TryCurie(s, s, CrsForm.ShortEpsg, out crs);
    }

    // "EPSG:2154", "CRS:84", "OGC:CRS84", "IGNF:LAMB93" (also the inside of a safe CURIE).
    private static bool TryCurie(string curie, string original, CrsForm epsgForm, out CrsIdentifier crs)
    {
        crs = default;
        var colon = curie.IndexOf(':');
        if (colon <= 0 || curie.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }

        var authority = curie[..colon];
        var code = curie[(colon + 1)..];
        if (authority.Equals("CRS", Ci))
        {
            // WMS 1.3.0 Annex B "CRS:84". CRS:83 and CRS:27 (NAD) are not served.
            return TryCrs84(code == "84" ? "CRS84" : code, original, out crs);
        }

        return TryAuthorityCode(authority, code, original, epsgForm, out crs);
    }

    // urn:ogc:def:crs:EPSG::2154, urn:ogc:def:crs:EPSG:6.18:3:3857, urn:x-ogc:def:crs:EPSG:4326,
    // urn:ogc:def:crs:OGC:1.3:CRS84, urn:ogc:def:crs:IGNF::LAMB93. The version may hold ':' itself,
    // so the code is the last segment and everything between authority and code is ignored.
    private static bool TryUrn(string s, out CrsIdentifier crs)
    {
        crs = default;
        var parts = s.Split(':');
        if (parts.Length < 6
            || !(parts[1].Equals("ogc", Ci) || parts[1].Equals("x-ogc", Ci))
            || !parts[2].Equals("def", Ci)
            || !parts[3].Equals("crs", Ci))
        {
            return false;
        }

        return TryAuthorityCode(parts[4], parts[^1], s, CrsForm.Urn, out crs);
    }

    // http(s)://www.opengis.net/def/crs/{authority}/{version}/{code} and .../gml/srs/epsg.xml#{code}.
    private static bool TryHttp(string s, out CrsIdentifier crs)
    {
        crs = default;
        var rest = s[(s.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (rest.StartsWith("www.", Ci))
        {
            rest = rest[4..];
        }

        if (!rest.StartsWith("opengis.net/", Ci))
        {
            return false;
        }

        rest = rest["opengis.net/".Length..];
        const string gmlSrs = "gml/srs/epsg.xml#";
        if (rest.StartsWith(gmlSrs, Ci))
        {
            return TryEpsgCode(rest[gmlSrs.Length..], s, CrsForm.GmlSrs, out crs);
        }

        var parts = rest.TrimEnd('/').Split('/');
        if (parts.Length != 5 || !parts[0].Equals("def", Ci) || !parts[1].Equals("crs", Ci))
        {
            return false;
        }

        return TryAuthorityCode(parts[2], parts[4], s, CrsForm.HttpUri, out crs);
    }

    private static bool TryAuthorityCode(string authority, string code, string original, CrsForm epsgForm, out CrsIdentifier crs)
    {
        crs = default;
        if (authority.Equals("EPSG", Ci))
        {
            return TryEpsgCode(code, original, epsgForm, out crs);
        }

        if (authority.Equals("OGC", Ci))
        {
            return TryCrs84(code, original, out crs);
        }

        if (authority.Equals("IGNF", Ci) && IgnfCodes.TryGetValue(code, out var srid))
        {
            crs = new CrsIdentifier(srid, false, CrsForm.Ignf, original);
            return true;
        }

        return false;
    }

    private static bool TryEpsgCode(string code, string original, CrsForm form, out CrsIdentifier crs)
    {
        crs = default;
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var srid) || srid <= 0)
        {
            return false;
        }

        crs = new CrsIdentifier(srid, false, form, original);
        return true;
    }

    // CRS84h (ellipsoidal height) is treated as CRS84: we only serve 2D coordinates.
    private static bool TryCrs84(string code, string original, out CrsIdentifier crs)
    {
        crs = default;
        if (!code.Equals("CRS84", Ci) && !code.Equals("CRS84h", Ci))
        {
            return false;
        }

        crs = new CrsIdentifier(4326, true, CrsForm.OgcCrs84, original);
        return true;
    }
}
