using GeoMas.Ogc.Core.Crs;
using static GeoMas.Ogc.Core.Crs.AxisContext;
using static GeoMas.Ogc.Core.Crs.AxisOrder;

namespace GeoMas.Ogc.Core.Tests.Crs;

/// <summary>One row per line of OGC-CHECKLISTS TRAP-1, plus the CRSs the table names in its columns.</summary>
public class AxisOrderRulesTests
{
    [Theory]
    // WMS 1.1.1: SRS=EPSG:4326 lon,lat; projected E,N
    [InlineData(Wms111, "EPSG:4326", EastNorth)]
    [InlineData(Wms111, "EPSG:4171", EastNorth)]
    [InlineData(Wms111, "EPSG:2154", EastNorth)]
    [InlineData(Wms111, "EPSG:3857", EastNorth)]
    [InlineData(Wms111, "EPSG:3944", EastNorth)]
    [InlineData(Wms111, "CRS:84", EastNorth)]
    // WMS 1.3.0: CRS=EPSG:4326 lat,lon; CRS:84 lon,lat; projected E,N
    [InlineData(Wms130, "EPSG:4326", NorthEast)]
    [InlineData(Wms130, "EPSG:4171", NorthEast)]
    [InlineData(Wms130, "CRS:84", EastNorth)]
    [InlineData(Wms130, "EPSG:2154", EastNorth)]
    [InlineData(Wms130, "EPSG:3857", EastNorth)]
    [InlineData(Wms130, "EPSG:3944", EastNorth)]
    [InlineData(Wms130, "EPSG:32631", EastNorth)]
    [InlineData(Wms130, "EPSG:27572", EastNorth)]
    // WMTS TopLeftCorner / TMS pointOfOrigin: 4326 lat,lon; CRS84 lon,lat; projected E,N
    [InlineData(Wmts, "urn:ogc:def:crs:EPSG::4326", NorthEast)]
    [InlineData(Wmts, "EPSG:4326", NorthEast)]
    [InlineData(Wmts, "urn:ogc:def:crs:OGC:1.3:CRS84", EastNorth)]
    [InlineData(Wmts, "http://www.opengis.net/def/crs/OGC/1.3/CRS84", EastNorth)]
    [InlineData(Wmts, "urn:ogc:def:crs:EPSG::2154", EastNorth)]
    [InlineData(Wmts, "urn:ogc:def:crs:EPSG:6.18:3:3857", EastNorth)]
    [InlineData(Wmts, "urn:ogc:def:crs:EPSG::3944", EastNorth)]
    // WFS 2.0 GML with URN or http URI: 4326 lat,lon; projected E,N
    [InlineData(Wfs20, "urn:ogc:def:crs:EPSG::4326", NorthEast)]
    [InlineData(Wfs20, "http://www.opengis.net/def/crs/EPSG/0/4326", NorthEast)]
    [InlineData(Wfs20, "https://www.opengis.net/def/crs/EPSG/0/4326", NorthEast)]
    [InlineData(Wfs20, "urn:x-ogc:def:crs:EPSG:4326", NorthEast)]
    [InlineData(Wfs20, "urn:ogc:def:crs:EPSG::4171", NorthEast)]
    [InlineData(Wfs20, "urn:ogc:def:crs:EPSG::2154", EastNorth)]
    [InlineData(Wfs20, "http://www.opengis.net/def/crs/EPSG/0/3857", EastNorth)]
    [InlineData(Wfs20, "urn:ogc:def:crs:EPSG::3944", EastNorth)]
    // WFS srsName=EPSG:4326 or .../gml/srs/epsg.xml#4326: lon,lat (convention)
    [InlineData(Wfs20, "EPSG:4326", EastNorth)]
    [InlineData(Wfs20, "http://www.opengis.net/gml/srs/epsg.xml#4326", EastNorth)]
    [InlineData(Wfs20, "EPSG:4171", EastNorth)]
    [InlineData(Wfs20, "EPSG:2154", EastNorth)]
    [InlineData(Wfs20, "http://www.opengis.net/gml/srs/epsg.xml#2154", EastNorth)]
    [InlineData(Wfs20, "urn:ogc:def:crs:OGC:1.3:CRS84", EastNorth)]
    // WFS 1.1 follows the same form-dependent convention
    [InlineData(Wfs11, "EPSG:4326", EastNorth)]
    [InlineData(Wfs11, "http://www.opengis.net/gml/srs/epsg.xml#4326", EastNorth)]
    [InlineData(Wfs11, "urn:x-ogc:def:crs:EPSG:4326", NorthEast)]
    [InlineData(Wfs11, "urn:ogc:def:crs:EPSG::4326", NorthEast)]
    [InlineData(Wfs11, "urn:ogc:def:crs:EPSG::2154", EastNorth)]
    // GML writer: same as WFS
    [InlineData(Gml, "EPSG:4326", EastNorth)]
    [InlineData(Gml, "urn:ogc:def:crs:EPSG::4326", NorthEast)]
    [InlineData(Gml, "http://www.opengis.net/def/crs/EPSG/0/4326", NorthEast)]
    [InlineData(Gml, "http://www.opengis.net/def/crs/EPSG/0/2154", EastNorth)]
    // OGC API default (no crs) is CRS84 lon,lat; crs=.../EPSG/0/4326 lat,lon; projected E,N
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/OGC/1.3/CRS84", EastNorth)]
    [InlineData(OgcApi, "[OGC:CRS84]", EastNorth)]
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/EPSG/0/4326", NorthEast)]
    [InlineData(OgcApi, "[EPSG:4326]", NorthEast)]
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/EPSG/0/4171", NorthEast)]
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/EPSG/0/2154", EastNorth)]
    [InlineData(OgcApi, "[EPSG:2154]", EastNorth)]
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/EPSG/0/3857", EastNorth)]
    [InlineData(OgcApi, "http://www.opengis.net/def/crs/EPSG/0/3944", EastNorth)]
    // IGNF projected codes are E,N everywhere
    [InlineData(Wfs20, "urn:ogc:def:crs:IGNF::LAMB93", EastNorth)]
    [InlineData(Wms130, "IGNF:LAMB93", EastNorth)]
    public void For_ImplementsEveryTrap1Row(AxisContext context, string crs, AxisOrder expected) =>
        Assert.Equal(expected, AxisOrderRules.For(CrsIdentifier.Parse(crs), context));

    [Theory]
    [InlineData(Wms111)]
    [InlineData(Wms130)]
    [InlineData(Wmts)]
    [InlineData(Wfs20)]
    [InlineData(Wfs11)]
    [InlineData(OgcApi)]
    [InlineData(Gml)]
    public void Crs84_IsLonLatInEveryContext(AxisContext context) =>
        Assert.Equal(EastNorth, AxisOrderRules.For(CrsIdentifier.Crs84, context));

    [Theory]
    [InlineData(2154)]
    [InlineData(3857)]
    [InlineData(3942)]
    [InlineData(3950)]
    [InlineData(32631)]
    [InlineData(32632)]
    [InlineData(27572)]
    [InlineData(4087)] // projected although inside EPSG's 4000-4999 block
    public void ProjectedCrs_IsEastNorthInEveryContext(int srid)
    {
        foreach (var context in Enum.GetValues<AxisContext>())
        {
            foreach (var text in new[] { "EPSG:{0}", "urn:ogc:def:crs:EPSG::{0}", "http://www.opengis.net/def/crs/EPSG/0/{0}", "[EPSG:{0}]" })
            {
                var crs = CrsIdentifier.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, srid));
                Assert.Equal(EastNorth, AxisOrderRules.For(crs, context));
            }
        }
    }

    [Fact]
    public void UnknownContext_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisOrderRules.For(CrsIdentifier.Parse("EPSG:4326"), (AxisContext)99));
}
