using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// What a source knows about one layer's table once it has looked at it: quoted names, the type of the id
/// column, and the cached SELECT templates ("build the query once, bind per request"). Built once per
/// <see cref="LayerDefinition"/> instance; a catalog reload brings new instances and so new schemas.
/// </summary>
internal sealed class LayerSchema
{
    private readonly Dictionary<string, AttributeDefinition> _columns;
    private readonly ConcurrentDictionary<string, string> _selectTemplates = new(StringComparer.Ordinal);

    public LayerSchema(LayerDefinition layer, string quotedTable, AttributeType idType)
    {
        Layer = layer;
        QuotedTable = quotedTable;
        QuotedId = SqlIdentifier.Quote(layer.IdColumn);
        QuotedGeometry = SqlIdentifier.Quote(layer.GeometryColumn);
        IdAttribute = new AttributeDefinition(layer.IdColumn, idType);
        _columns = new Dictionary<string, AttributeDefinition>(StringComparer.Ordinal);
        foreach (var attribute in layer.Attributes)
            _columns[attribute.Name] = attribute;
        _columns.TryAdd(layer.IdColumn, IdAttribute);
        if (layer.Time is { } time)
        {
            // Time columns are dates unless the catalog publishes them with another type.
            _columns.TryAdd(time.StartColumn, new AttributeDefinition(time.StartColumn, AttributeType.Date));
            if (time.EndColumn is { } end)
                _columns.TryAdd(end, new AttributeDefinition(end, AttributeType.Date));
        }
    }

    public LayerDefinition Layer { get; }
    public string QuotedTable { get; }
    public string QuotedId { get; }
    public string QuotedGeometry { get; }
    /// <summary>The id column with its storage type (String or Long), published or not.</summary>
    public AttributeDefinition IdAttribute { get; }

    /// <summary>
    /// A column a request may name: a published attribute, the id column or a time column. Anything else is
    /// the client's mistake and never reaches SQL.
    /// </summary>
    public AttributeDefinition Resolve(string name, string locator) =>
        _columns.TryGetValue(name, out var column)
            ? column
            : throw ServiceException.Invalid(locator, $"Layer '{Layer.Id}' has no property '{name}'.");

    /// <summary>Only published attributes may be returned as properties.</summary>
    public IReadOnlyList<AttributeDefinition> ResolveProperties(IReadOnlyList<string> names)
    {
        var result = new AttributeDefinition[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            result[i] = Layer.FindAttribute(names[i])
                ?? throw ServiceException.Invalid("propertyName", $"Layer '{Layer.Id}' has no property '{names[i]}'.");
        }
        return result;
    }

    public string GetOrAddSelect(string key, Func<string> build) => _selectTemplates.GetOrAdd(key, _ => build());
}
