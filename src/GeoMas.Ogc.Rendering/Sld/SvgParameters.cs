using System.Xml.Linq;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>
/// The named parameters of a Fill, Stroke or Font: SLD 1.0 <c>CssParameter</c> and SE 1.1 <c>SvgParameter</c>
/// read the same way. Each value keeps its element so a bad value is reported at its own line.
/// Unknown names are ignored (they are styling hints other servers understand), as the SE spec allows.
/// </summary>
internal sealed class SvgParameters
{
    private readonly Dictionary<string, List<(string Value, XElement Element)>> _values = new(StringComparer.Ordinal);
    private readonly SldContext _context;

    private SvgParameters(SldContext context) => _context = context;

    public static SvgParameters Read(XElement parent, SldContext context)
    {
        var parameters = new SvgParameters(context);
        foreach (var element in parent.Elements().Where(e => e.Name.LocalName is "CssParameter" or "SvgParameter"))
        {
            var name = element.Attribute("name")?.Value.Trim()
                ?? throw context.Error(element, $"<{element.Name.LocalName}> needs a name attribute.");
            if (!parameters._values.TryGetValue(name, out var list))
                parameters._values[name] = list = [];
            list.Add((context.ConstantText(element), element));
        }
        return parameters;
    }

    /// <summary>All values of a repeatable parameter (font-family may be given several times).</summary>
    public IEnumerable<string> All(string name) =>
        _values.TryGetValue(name, out var list) ? list.Select(v => v.Value) : [];

    public string? Text(string name) => _values.TryGetValue(name, out var list) ? list[^1].Value : null;

    public double? Double(string name) =>
        _values.TryGetValue(name, out var list) ? _context.ParseDouble(list[^1].Element, list[^1].Value) : null;

    /// <summary>An opacity in [0, 1].</summary>
    public double? Opacity(string name)
    {
        if (Double(name) is not { } value)
            return null;
        return value is >= 0 and <= 1 ? value : throw _context.Error(Element(name), $"{name} must be between 0 and 1, not {value}.");
    }

    public Core.Styling.RgbaColor? Color(string name) =>
        _values.TryGetValue(name, out var list) ? _context.ParseColor(list[^1].Element, list[^1].Value) : null;

    /// <summary>Parses an enumerated value through <paramref name="map"/>; unknown values are errors.</summary>
    public T? Keyword<T>(string name, Func<string, T?> map) where T : struct
    {
        if (Text(name) is not { } text)
            return null;
        return map(text.ToLowerInvariant()) ?? throw _context.Error(Element(name), $"'{text}' is not a valid {name}.");
    }

    /// <summary>Space- or comma-separated non-negative numbers (stroke-dasharray).</summary>
    public IReadOnlyList<double>? Numbers(string name)
    {
        if (Text(name) is not { } text)
            return null;
        var parts = text.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.Select(p => _context.ParseDouble(Element(name), p)).ToArray();
        if (numbers.Length == 0 || numbers.Any(n => n < 0))
            throw _context.Error(Element(name), $"'{text}' is not a valid {name}.");
        return numbers;
    }

    private XElement Element(string name) => _values[name][^1].Element;
}
