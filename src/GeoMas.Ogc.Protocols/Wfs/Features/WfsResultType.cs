namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>RESULTTYPE: the features, or only how many match (numberMatched, numberReturned = 0).</summary>
public enum WfsResultType { Results, Hits }
