using System.Globalization;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// The options of one verb (<c>--layers a,b</c>, <c>--zoom=0-16</c>), taken out of the arguments before the rest
/// goes to ASP.NET Core's configuration — where <c>--layers</c> would otherwise be read as the <c>layers</c> section.
/// </summary>
public sealed class VerbOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private VerbOptions()
    {
    }

    public string[] Rest { get; private set; } = [];

    public static VerbOptions Take(IReadOnlyList<string> args, IReadOnlyCollection<string> names, IReadOnlyCollection<string> flags)
    {
        var options = new VerbOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? (eq > 0 ? arg[2..eq] : arg[2..]) : "";
            if (flags.Contains(name) && eq < 0)
                options._values[name] = "true";
            else if (names.Contains(name) && eq > 0)
                options._values[name] = arg[(eq + 1)..];
            else if (names.Contains(name) && i + 1 < args.Count)
                options._values[name] = args[++i];
            else
                rest.Add(arg);
        }
        options.Rest = [.. rest];
        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> List(string name) =>
        Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>"5" or "0-16"; null when absent; throws on nonsense.</summary>
    public (int Min, int Max)? Range(string name)
    {
        if (Get(name) is not { } text)
            return null;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var max))
            throw new FormatException($"--{name} expects a zoom or a range such as 0-16, not '{text}'.");
        return (min, max);
    }

    public int? Int(string name) =>
        Get(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"--{name} expects an integer, not '{text}'.")
            : null;

    /// <summary>"minx,miny,maxx,maxy".</summary>
    public double[]? Numbers(string name, int count)
    {
        if (Get(name) is not { } text)
            return null;
        var parts = text.Split(',');
        var values = new double[parts.Length];
        if (parts.Length != count || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).Any())
            throw new FormatException($"--{name} expects {count} comma-separated numbers, not '{text}'.");
        return values;
    }
}
