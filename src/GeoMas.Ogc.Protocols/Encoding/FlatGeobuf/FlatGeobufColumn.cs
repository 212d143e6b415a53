using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>One attribute column of a FlatGeobuf file: its name, type and human title.</summary>
public sealed record FlatGeobufColumn(string Name, FlatGeobufColumnType Type, string? Title = null)
{
    /// <summary>The column of a published attribute (dates as ISO 8601 DateTime strings, as the specification stores them).</summary>
    public static FlatGeobufColumn For(AttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var type = attribute.Type switch
        {
            AttributeType.Integer => FlatGeobufColumnType.Int,
            AttributeType.Long => FlatGeobufColumnType.Long,
            AttributeType.Double => FlatGeobufColumnType.Double,
            AttributeType.Boolean => FlatGeobufColumnType.Bool,
            AttributeType.Date or AttributeType.DateTime => FlatGeobufColumnType.DateTime,
            _ => FlatGeobufColumnType.String,
        };
        return new FlatGeobufColumn(attribute.Name, type, attribute.Title);
    }
}
