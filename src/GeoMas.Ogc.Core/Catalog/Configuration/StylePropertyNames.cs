using System.Collections;
using System.Reflection;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Collects every property a style reads (filters, labels, parameter expressions) so the catalog can reject a style
/// that names a column the layer does not publish — that would otherwise surface as a SQL error on the first map.
/// Walks the immutable style model by reflection so that new symbolizer records are covered without changes here.
/// </summary>
internal static class StylePropertyNames
{
    public static IReadOnlySet<string> Collect(Style style)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(style, names, visited);
        return names;
    }

    private static void Walk(object? value, HashSet<string> names, HashSet<object> visited)
    {
        switch (value)
        {
            case null or string:
                return;
            case PropertyName property:
                names.Add(property.Name);
                return;
            case TemporalFilter temporal:
                names.Add(temporal.Property);
                return;
            case SpatialFilter { Property: { } spatialProperty }:
                names.Add(spatialProperty);
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || !visited.Add(value))
            return;
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
                Walk(item, names, visited);
            return;
        }
        // Only our own model types are entered: NTS geometries, colours' internals and the BCL are leaves.
        if (type.Namespace?.StartsWith("GeoMas.Ogc.Core", StringComparison.Ordinal) != true)
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.PropertyType != typeof(string))
                Walk(property.GetValue(value), names, visited);
        }
    }
}
