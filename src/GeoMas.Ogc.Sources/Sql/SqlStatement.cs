namespace GeoMas.Ogc.Sources.Sql;

/// <summary>SQL text and the values of its @pN placeholders.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<object?> Parameters);
