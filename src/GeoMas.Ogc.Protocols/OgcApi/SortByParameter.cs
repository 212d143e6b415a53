using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// <c>sortby=+a,-b</c> (OGC API Features Part 8 / Records syntax): published attributes only; '+' (ascending,
/// default) arrives as a space when the client did not percent-encode it. The sources close the order with the id.
/// </summary>
public static class SortByParameter
{
    public static IReadOnlyList<SortKey> Parse(string text, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(layer);
        var keys = new List<SortKey>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.TrimEnd();
            var direction = SortDirection.Ascending;
            if (item.StartsWith('-'))
            {
                direction = SortDirection.Descending;
                item = item[1..];
            }
            else if (item.StartsWith('+') || item.StartsWith(' '))
            {
                item = item[1..];
            }
            item = item.Trim();
            if (item.Length == 0)
                throw ServiceException.Invalid(ItemsParameters.SortBy, $"Invalid sortby '{text}': an empty sort key.");
            if (layer.FindAttribute(item) is null)
                throw ServiceException.Invalid(ItemsParameters.SortBy, $"Invalid sortby '{text}': collection '{layer.Id}' has no sortable property '{item}'.");
            if (keys.Any(k => k.Property == item))
                throw ServiceException.Invalid(ItemsParameters.SortBy, $"Invalid sortby '{text}': '{item}' is given twice.");
            keys.Add(new SortKey(item, direction));
        }
        return keys;
    }
}
