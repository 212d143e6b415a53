using System.Text;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> (the POSIX shell forms: the default applies when VAR is unset
/// or empty) so that configuration files carry no secrets. <c>$$</c> is a literal dollar.
/// </summary>
public static class EnvironmentExpander
{
    /// <summary>Expands every reference; references to unset variables without a default are returned in <paramref name="missing"/>.</summary>
    public static string Expand(string text, Func<string, string?> lookup, out IReadOnlyList<string> missing)
    {
        var unresolved = new List<string>();
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close > 0)
                {
                    result.Append(Resolve(text[(i + 2)..close], lookup, unresolved));
                    i = close + 1;
                    continue;
                }
            }
            result.Append(c);
            i++;
        }
        missing = unresolved;
        return result.ToString();
    }

    /// <summary>Expands against the process environment.</summary>
    public static string Expand(string text, out IReadOnlyList<string> missing) =>
        Expand(text, Environment.GetEnvironmentVariable, out missing);

    private static string Resolve(string reference, Func<string, string?> lookup, List<string> unresolved)
    {
        var separator = reference.IndexOf(":-", StringComparison.Ordinal);
        var name = separator >= 0 ? reference[..separator] : reference;
        var value = lookup(name);
        if (!string.IsNullOrEmpty(value))
            return value;
        if (separator >= 0)
            return reference[(separator + 2)..];
        unresolved.Add(name);
        return "";
    }
}
