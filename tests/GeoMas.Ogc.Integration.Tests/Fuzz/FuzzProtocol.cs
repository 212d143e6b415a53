namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>Which protocol a request speaks: it decides the error form a 4xx answer must take.</summary>
public enum FuzzProtocol
{
    Wms,
    Wmts,
    Wfs,
    OgcApi,
    Xyz,
    Admin,
    Operations,
}
