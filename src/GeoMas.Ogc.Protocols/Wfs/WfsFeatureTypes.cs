using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Encoding;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The feature types a WFS publishes (every vector layer, in catalog order) and how request type names map to them.
/// Types live in the namespace GetFeatureInfo's GML already uses (<c>http://geomas.org/ogc</c>, prefix
/// <c>geomas</c>): <c>geomas:parcelles</c>. Accepted spellings: <c>geomas:parcelles</c>, <c>parcelles</c>, any prefix
/// bound to the GeoMas namespace (NAMESPACES=xmlns(p,uri) or the XML in-scope declarations) and Clark notation
/// <c>{http://geomas.org/ogc}parcelles</c>. A prefix bound to another namespace names nothing here.
/// </summary>
public static class WfsFeatureTypes
{
    public const string Namespace = GmlFeatureInfoEncoder.FeatureNamespace;
    public const string Prefix = "geomas";

    public static IEnumerable<LayerDefinition> All(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Layers.Where(l => l.Kind == LayerKind.Vector);
    }

    public static string QualifiedName(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Prefix + ":" + layer.Id;
    }

    /// <summary>The layer a type name denotes, or null.</summary>
    /// <param name="namespaceOfPrefix">Resolves a prefix to its namespace URI (null when the prefix is not declared).</param>
    public static LayerDefinition? Find(CatalogSnapshot snapshot, string typeName, Func<string, string?>? namespaceOfPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var name = typeName.Trim();
        string localName;
        if (name.StartsWith('{'))
        {
            var close = name.IndexOf('}', StringComparison.Ordinal);
            if (close < 0 || name[1..close] != Namespace)
                return null;
            localName = name[(close + 1)..];
        }
        else
        {
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                var prefix = name[..colon];
                var uri = namespaceOfPrefix?.Invoke(prefix);
                // An undeclared geomas: prefix is the advertised one; a declared prefix must point at our namespace.
                if (uri is null ? prefix != Prefix : uri != Namespace)
                    return null;
                localName = name[(colon + 1)..];
            }
            else
            {
                localName = name;
            }
        }
        return snapshot.FindLayer(localName) is { Kind: LayerKind.Vector } layer ? layer : null;
    }

    /// <summary>The layer a type name denotes; unknown → InvalidParameterValue with <paramref name="locator"/> (WFS-O2).</summary>
    public static LayerDefinition Resolve(CatalogSnapshot snapshot, string typeName, Func<string, string?>? namespaceOfPrefix = null, string locator = "typeNames") =>
        Find(snapshot, typeName, namespaceOfPrefix)
            ?? throw ServiceException.Invalid(locator, $"Unknown feature type '{typeName}'.");

    /// <summary>
    /// Reads the KVP NAMESPACES parameter (WFS 2.0 §7.6.6: <c>xmlns(p,uri),xmlns(q,uri2)</c>; WFS 1.1 uses the same
    /// form) into a prefix → namespace map. The URI may itself hold commas only inside the parentheses.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseNamespaces(string? text, string locator = "namespaces")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
            return result;
        var rest = text.AsSpan().Trim();
        while (rest.Length > 0)
        {
            if (!rest.StartsWith("xmlns(", StringComparison.Ordinal))
                throw ServiceException.Invalid(locator, $"NAMESPACES must be a list of xmlns(prefix,uri), got '{text}'.");
            var close = rest.IndexOf(')');
            if (close < 0)
                throw ServiceException.Invalid(locator, $"NAMESPACES must be a list of xmlns(prefix,uri), got '{text}'.");
            var inner = rest[6..close];
            var comma = inner.IndexOf(',');
            if (comma < 0)
                result[""] = inner.Trim().ToString(); // xmlns(uri): the default namespace
            else
                result[inner[..comma].Trim().ToString()] = inner[(comma + 1)..].Trim().ToString();
            rest = rest[(close + 1)..].TrimStart();
            if (rest.StartsWith(","))
                rest = rest[1..].TrimStart();
        }
        return result;
    }
}
