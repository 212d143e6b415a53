using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>A property that filters may use (Part 3): a published attribute, or the layer's geometry.</summary>
public sealed record Queryable(string Name, AttributeDefinition? Attribute)
{
    public bool IsGeometry => Attribute is null;
}

/// <summary>
/// The queryables of a collection: every published attribute plus the geometry under the conventional name
/// <c>geometry</c> (as pygeoapi, ldproxy and the Part 3 examples name it). Attributes whose names are reserved
/// item parameters (<c>limit</c>, <c>f</c>…) cannot be query parameters and are queryable in filters only.
/// </summary>
public static class OgcApiQueryables
{
    public const string GeometryName = "geometry";

    public static IReadOnlyList<Queryable> For(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var list = layer.Attributes.Select(a => new Queryable(a.Name, a)).ToList();
        if (layer.FindAttribute(GeometryName) is null)
            list.Add(new Queryable(GeometryName, null));
        return list;
    }

    /// <summary>Queryables usable as <c>?name=value</c> on /items (OAF-F4): non-geometry, not a reserved parameter name.</summary>
    public static IEnumerable<AttributeDefinition> QueryParameters(LayerDefinition layer) =>
        layer.Attributes.Where(a => !ItemsParameters.Reserved.Contains(a.Name));

    /// <summary>JSON Schema "format" of the geometry (Part 3 queryables, REQ_get-queryables-response).</summary>
    public static string GeometryFormat(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "geometry-point-or-multipoint",
        GeometryKind.Line => "geometry-linestring-or-multilinestring",
        _ => "geometry-polygon-or-multipolygon",
    };

    /// <summary>JSON Schema type and format of an attribute.</summary>
    public static (string Type, string? Format) JsonType(AttributeType type) => type switch
    {
        AttributeType.Integer or AttributeType.Long => ("integer", null),
        AttributeType.Double => ("number", null),
        AttributeType.Boolean => ("boolean", null),
        AttributeType.Date => ("string", "date"),
        AttributeType.DateTime => ("string", "date-time"),
        _ => ("string", null),
    };
}
