using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>Checks every source makes before building SQL.</summary>
internal static class QueryChecks
{
    public static void Validate(FeatureQuery query)
    {
        if (query.Layer.Kind != LayerKind.Vector)
            throw ServiceException.Invalid("layer", $"Layer '{query.Layer.Id}' has no features.");
        if (query.Limit < 0)
            throw ServiceException.Invalid("limit", "The limit cannot be negative.");
        if (query.Offset < 0)
            throw ServiceException.Invalid("offset", "The offset cannot be negative.");
        if (query.SimplifyTolerance < 0 || double.IsNaN(query.SimplifyTolerance))
            throw ServiceException.Invalid("simplify", "The simplification tolerance cannot be negative.");
    }
}
