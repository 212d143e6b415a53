using System.Globalization;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>One media range of an Accept header (<c>type/subtype;param=value;q=0.5</c>).</summary>
internal sealed record MediaRange(string Type, string Subtype, IReadOnlyDictionary<string, string> Parameters, double Quality)
{
    /// <summary>3 = type, subtype and parameters; 2 = type/subtype; 1 = type/*; 0 = */*.</summary>
    public int Specificity =>
        Type == "*" ? 0 : Subtype == "*" ? 1 : Parameters.Count > 0 ? 3 : 2;

    public bool Matches(MediaRange offer)
    {
        if (Type != "*" && Type != offer.Type)
            return false;
        if (Subtype != "*" && Subtype != offer.Subtype)
            return false;
        foreach (var (name, value) in Parameters)
        {
            if (!offer.Parameters.TryGetValue(name, out var offered) || !string.Equals(offered, value, StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    public static IReadOnlyList<MediaRange> ParseList(string header)
    {
        var list = new List<MediaRange>();
        foreach (var item in SplitOutsideQuotes(header, ','))
        {
            if (!string.IsNullOrWhiteSpace(item))
                list.Add(Parse(item));
        }
        return list;
    }

    public static MediaRange Parse(string text)
    {
        var parts = SplitOutsideQuotes(text, ';');
        var full = parts[0].Trim().ToLowerInvariant();
        var slash = full.IndexOf('/');
        var type = slash < 0 ? full : full[..slash];
        var subtype = slash < 0 ? "*" : full[(slash + 1)..];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var quality = 1.0;
        foreach (var parameter in parts.Skip(1))
        {
            var eq = parameter.IndexOf('=');
            if (eq <= 0)
                continue;
            var name = parameter[..eq].Trim().ToLowerInvariant();
            var value = parameter[(eq + 1)..].Trim().Trim('"');
            if (name == "q")
            {
                // A malformed q counts as 1 (lenient): the client did ask for the type.
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
                    quality = Math.Clamp(q, 0, 1);
            }
            else
            {
                parameters[name] = value;
            }
        }
        return new MediaRange(type, subtype, parameters, quality);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
                quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
