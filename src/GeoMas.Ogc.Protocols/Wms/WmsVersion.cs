using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>The two WMS versions served on <c>/wms</c>.</summary>
public enum WmsVersion
{
    V111,
    V130,
}

public static class WmsVersions
{
    public static string ToText(this WmsVersion version) => version == WmsVersion.V130 ? "1.3.0" : "1.1.1";

    /// <summary>
    /// GetCapabilities version negotiation (WMS130 §6.2.4, WMS-G7): none or higher than 1.3.0 → 1.3.0;
    /// between 1.1.1 and 1.3.0 → 1.1.1; lower than 1.1.1 → 1.1.1 (the lowest we have).
    /// </summary>
    public static WmsVersion Negotiate(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested) || !TryParseNumbers(requested, out var numbers))
            return WmsVersion.V130;
        return Compare(numbers, [1, 3, 0]) >= 0 ? WmsVersion.V130 : WmsVersion.V111;
    }

    /// <summary>
    /// VERSION of an operation other than GetCapabilities: required (WMS-G6); 1.3.0 or 1.1.x (1.1.0 is read as 1.1.1).
    /// </summary>
    public static WmsVersion ParseForOperation(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
            throw ServiceException.Missing("VERSION");
        return requested.Trim() switch
        {
            "1.3.0" or "1.3" => WmsVersion.V130,
            "1.1.1" or "1.1.0" or "1.1" => WmsVersion.V111,
            _ => throw ServiceException.Invalid("VERSION", $"VERSION {requested} is not supported; use 1.3.0 or 1.1.1."),
        };
    }

    /// <summary>The version to write an early error in: the requested one when recognisable, else 1.3.0.</summary>
    public static WmsVersion ForErrors(string? requested) =>
        requested?.Trim() is "1.1.1" or "1.1.0" or "1.1" ? WmsVersion.V111 : WmsVersion.V130;

    private static bool TryParseNumbers(string text, out int[] numbers)
    {
        var parts = text.Trim().Split('.');
        numbers = new int[3];
        if (parts.Length is 0 or > 3)
            return false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
                return false;
        }
        return true;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < 3; i++)
        {
            if (a[i] != b[i])
                return a[i].CompareTo(b[i]);
        }
        return 0;
    }
}
