using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary><c>properties=a,b</c>: the published attributes to return, in that order; empty = none.</summary>
public static class PropertiesParameter
{
    public static IReadOnlyList<string> Parse(string text, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(layer);
        if (text.Trim().Length == 0)
            return [];
        var names = new List<string>();
        foreach (var raw in text.Split(','))
        {
            var name = raw.Trim();
            if (layer.FindAttribute(name) is null)
                throw ServiceException.Invalid(ItemsParameters.Properties, $"Collection '{layer.Id}' has no property '{name}'.");
            if (!names.Contains(name))
                names.Add(name);
        }
        return names;
    }
}
