namespace GeoMas.Ogc.Core.Catalog;

public enum AttributeType { String, Integer, Long, Double, Boolean, Date, DateTime }

/// <summary>A published (non-geometry) column of a layer. Only these names ever reach SQL.</summary>
public sealed record AttributeDefinition(string Name, AttributeType Type, string? Title = null);
