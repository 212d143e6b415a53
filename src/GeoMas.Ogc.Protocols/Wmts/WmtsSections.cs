using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>The capabilities sections a GetCapabilities asks for (OWS Common 1.1 §7.3.3, WMTS-A5).</summary>
[Flags]
public enum WmtsSections
{
    None = 0,
    ServiceIdentification = 1,
    ServiceProvider = 2,
    OperationsMetadata = 4,
    Contents = 8,
    Themes = 16,
    All = ServiceIdentification | ServiceProvider | OperationsMetadata | Contents | Themes,
}

public static class WmtsSectionsParser
{
    /// <summary>Absent → All; present but empty → MissingParameterValue; an unknown name → InvalidParameterValue (locator sections).</summary>
    public static WmtsSections Parse(string? text)
    {
        if (text is null)
            return WmtsSections.All;
        if (text.Trim().Length == 0)
            throw ServiceException.Missing("sections");
        var result = WmtsSections.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<WmtsSections>(name, ignoreCase: true, out var section) || section == WmtsSections.None
                || !Enum.IsDefined(section) || int.TryParse(name, out _))
                throw ServiceException.Invalid("sections", $"Unknown capabilities section '{name}'.");
            result |= section;
        }
        return result;
    }
}
