using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

public enum WfsValueKind { GmlId, Attribute, Geometry }

/// <summary>The VALUEREFERENCE of GetPropertyValue, resolved against the feature type: <c>@gml:id</c>, an attribute or the geometry.</summary>
public sealed record WfsValueReference(WfsValueKind Kind, string Name, AttributeDefinition? Attribute = null);
