using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features.Filtering;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Queryables as query parameters (OAF-F4): <c>?libelle=UA</c> is <c>libelle = 'UA'</c>, ANDed with the rest.
/// Values are checked against the attribute type here so that the 400 names the parameter.
/// </summary>
public static class PropertyEqualityParameters
{
    public static Filter? Build(IQueryCollection query, LayerDefinition layer)
    {
        var terms = new List<Filter>();
        foreach (var attribute in OgcApiQueryables.QueryParameters(layer))
        {
            if (OgcApiQuery.Single(query, attribute.Name) is not { } value)
                continue;
            terms.Add(new Comparison(ComparisonOperator.Equal, new PropertyName(attribute.Name), new Literal(Typed(attribute, value))));
        }
        return terms.Count switch
        {
            0 => null,
            1 => terms[0],
            _ => new And(terms),
        };
    }

    private static object Typed(AttributeDefinition attribute, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        object? typed = attribute.Type switch
        {
            AttributeType.Integer or AttributeType.Long => long.TryParse(value, NumberStyles.Integer, invariant, out var l) ? l : null,
            AttributeType.Double => double.TryParse(value, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : null,
            AttributeType.Boolean => bool.TryParse(value, out var b) ? b : null,
            AttributeType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) ? date : null,
            AttributeType.DateTime => DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null,
            _ => value,
        };
        return typed ?? throw ServiceException.Invalid(attribute.Name,
            $"'{value}' is not a valid {attribute.Type.ToString().ToLowerInvariant()} value for property '{attribute.Name}'.");
    }
}
