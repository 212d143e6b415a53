using System.Xml.Linq;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>The capabilities sections a GetCapabilities asks for (OWS Common 1.1 §7.3.3; WFS 2.0 Table 8).</summary>
[Flags]
public enum WfsSections
{
    None = 0,
    ServiceIdentification = 1,
    ServiceProvider = 2,
    OperationsMetadata = 4,
    FeatureTypeList = 8,
    Filter_Capabilities = 16,
    All = ServiceIdentification | ServiceProvider | OperationsMetadata | FeatureTypeList | Filter_Capabilities,
}

public static class WfsSectionsParser
{
    /// <summary>Absent → All; "All" → All; an unknown name → InvalidParameterValue (locator Sections).</summary>
    public static WfsSections Parse(IEnumerable<string>? names)
    {
        if (names is null)
            return WfsSections.All;
        var result = WfsSections.None;
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0)
                continue;
            if (name.Equals("All", StringComparison.OrdinalIgnoreCase))
                return WfsSections.All;
            if (!Enum.TryParse<WfsSections>(name, ignoreCase: true, out var section) || section is WfsSections.None or WfsSections.All
                || !Enum.IsDefined(section) || int.TryParse(name, out _))
                throw ServiceException.Invalid("Sections", $"Unknown capabilities section '{name}'.");
            result |= section;
        }
        return result == WfsSections.None ? WfsSections.All : result;
    }

    public static WfsSections FromKvp(string? text) =>
        text is null ? WfsSections.All : Parse(text.Split(','));

    /// <summary>POST: <c>ows:Sections/ows:Section</c> children of the GetCapabilities element.</summary>
    public static WfsSections FromXml(XElement request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sections = request.Elements().FirstOrDefault(e => e.Name.LocalName == "Sections");
        return sections is null ? WfsSections.All : Parse(sections.Elements().Where(e => e.Name.LocalName == "Section").Select(e => e.Value));
    }
}
