using System.Xml;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// The minimal XPath of FES ValueReference / PropertyName (ImplementsMinimumXPath): a property name with an
/// optional namespace prefix (<c>geomas:nom</c> → <c>nom</c>) optionally after the feature type step
/// (<c>geomas:parcelles/geomas:nom</c>). GML properties keep their prefix (<c>gml:name</c>) so they never alias a
/// column. Predicates, attributes, functions and deeper paths are refused.
/// </summary>
internal static class FesValueReference
{
    public static bool TryNormalize(string raw, out string name, out string error)
    {
        name = "";
        error = "";
        var s = raw.Trim();
        if (s.StartsWith('/') && !s.StartsWith("//", StringComparison.Ordinal))
            s = s[1..];
        if (s.Length == 0)
        {
            error = "Empty property reference.";
            return false;
        }
        if (s.IndexOfAny(['[', ']', '(', ')', '@', '*', '|', '=', ' ', '\t', '\n', '\r', '\'', '"']) >= 0 || s.Contains("//", StringComparison.Ordinal))
        {
            error = $"Property reference '{raw.Trim()}' uses XPath this server does not support (only 'prefix:property' or 'prefix:type/prefix:property').";
            return false;
        }
        var steps = s.Split('/');
        if (steps.Length > 2)
        {
            error = $"Property reference '{raw.Trim()}' is too deep (only 'prefix:property' or 'prefix:type/prefix:property').";
            return false;
        }
        var last = steps[^1];
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon >= 0 ? last[..colon] : "";
        var local = colon >= 0 ? last[(colon + 1)..] : last;
        if (local.Length == 0 || local.Contains(':', StringComparison.Ordinal) || !IsNcName(local) || (prefix.Length > 0 && !IsNcName(prefix)))
        {
            error = $"'{raw.Trim()}' is not a property name.";
            return false;
        }
        name = prefix == "gml" ? "gml:" + local : local;
        return true;
    }

    private static bool IsNcName(string s)
    {
        try
        {
            XmlConvert.VerifyNCName(s);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
