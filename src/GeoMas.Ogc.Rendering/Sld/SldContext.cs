using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>
/// What every part of the reader needs while walking one document: where it came from (for error messages and
/// relative symbol paths) and small helpers that turn element text into typed values or a located error.
/// Elements are matched by local name only: SLD 1.0 (sld:), SE 1.1 (se:) and authors who mix prefixes all work,
/// and no SLD/SE/OGC element name means two different things.
/// </summary>
internal sealed class SldContext(string? filePath, string baseDirectory)
{
    public string? FilePath { get; } = filePath;

    /// <summary>Folder that relative ExternalGraphic hrefs are resolved against (and must stay inside).</summary>
    public string BaseDirectory { get; } = Path.GetFullPath(baseDirectory);

    public StyleParseException Error(XObject? at, string reason) =>
        new(FilePath, at is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0, reason);

    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>Trimmed text of a child element, or null when the child is absent.</summary>
    public string? ChildText(XElement parent, string localName) =>
        Child(parent, localName) is { } child ? ConstantText(child) : null;

    /// <summary>
    /// The constant value of a parameter element: its text plus any ogc:Literal children. The style model holds
    /// constants, so a PropertyName or Function here (data-driven sizes/colours) is refused rather than ignored.
    /// </summary>
    public string ConstantText(XElement element)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "Literal" } literal:
                    text.Append(literal.Value);
                    break;
                case XElement other:
                    throw Error(other, $"<{element.Name.LocalName}> must be a constant value; <{other.Name.LocalName}> is not supported here.");
            }
        }
        return text.ToString().Trim();
    }

    public double ParseDouble(XElement element) => ParseDouble(element, ConstantText(element));

    public double ParseDouble(XObject at, string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        throw Error(at, $"'{text}' is not a number.");
    }

    public double? ChildDouble(XElement parent, string localName) =>
        Child(parent, localName) is { } child ? ParseDouble(child) : null;

    public bool ParseBoolean(XObject at, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Error(at, $"'{text}' is not a boolean (true/false)."),
    };

    public RgbaColor ParseColor(XObject at, string text) =>
        RgbaColor.TryParse(text, out var color) && text.Trim().StartsWith('#')
            ? color
            : throw Error(at, $"'{text}' is not a colour (#RRGGBB).");

    /// <summary>Reads an element holding X/Y children (AnchorPoint, Displacement), with defaults for absent axes.</summary>
    public (double X, double Y) ParsePair(XElement element, string xName, string yName, double defaultX, double defaultY) =>
        (ChildDouble(element, xName) ?? defaultX, ChildDouble(element, yName) ?? defaultY);
}
