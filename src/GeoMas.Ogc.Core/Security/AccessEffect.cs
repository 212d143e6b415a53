namespace GeoMas.Ogc.Core.Security;

public enum AccessEffect { Allow, Deny }
