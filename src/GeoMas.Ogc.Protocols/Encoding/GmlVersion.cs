namespace GeoMas.Ogc.Protocols.Encoding;

public enum GmlVersion
{
    /// <summary>GML 2.1.2: gml:coordinates, outerBoundaryIs, fid.</summary>
    Gml2,

    /// <summary>GML 3.1.1: gml:pos/posList, exterior, gml:id, MultiSurface/MultiCurve.</summary>
    Gml3,
}
