namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// The function names the parsers accept, mapped to the names both <see cref="FilterEvaluator"/> and the SQL
/// compilers understand. Anything else is refused when parsing rather than failing later in a source.
/// </summary>
internal static class FilterFunctionNames
{
    private static readonly Dictionary<string, (string Canonical, int MinArgs, int MaxArgs)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["upper"] = ("strToUpperCase", 1, 1),
        ["strToUpperCase"] = ("strToUpperCase", 1, 1),
        ["lower"] = ("strToLowerCase", 1, 1),
        ["strToLowerCase"] = ("strToLowerCase", 1, 1),
        ["length"] = ("strLength", 1, 1),
        ["strLength"] = ("strLength", 1, 1),
        ["concatenate"] = ("Concatenate", 1, 16),
        ["concat"] = ("Concatenate", 1, 16),
        ["strConcat"] = ("Concatenate", 1, 16),
    };

    public static string Supported => "upper, lower, length, concatenate (also strToUpperCase, strToLowerCase, strLength, strConcat)";

    /// <summary>The canonical name, or an error text when the name or the arity is not accepted.</summary>
    public static bool TryResolve(string name, int argumentCount, out string canonical, out string error)
    {
        canonical = "";
        error = "";
        if (!Known.TryGetValue(name, out var known))
        {
            error = $"Function '{name}' is not supported (supported: {Supported}).";
            return false;
        }
        if (argumentCount < known.MinArgs || argumentCount > known.MaxArgs)
        {
            error = known.MinArgs == known.MaxArgs
                ? $"Function '{name}' takes {known.MinArgs} argument(s), not {argumentCount}."
                : $"Function '{name}' takes {known.MinArgs} to {known.MaxArgs} arguments, not {argumentCount}.";
            return false;
        }
        canonical = known.Canonical;
        return true;
    }
}
