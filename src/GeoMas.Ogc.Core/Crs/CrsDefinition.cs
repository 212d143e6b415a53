using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>One CRS the registry knows: its ProjNET WKT and its EPSG area of use (lon/lat, degrees).</summary>
/// <param name="NullShiftToWgs84">
/// True when EPSG's transformation from the CRS's datum to WGS 84 is a null one (WGS 84 itself, RGF93 v1):
/// lon/lat then pass unchanged between such CRSs, as PROJ does, instead of through ProjNET's geocentric
/// round trip, which costs ~5 mm because it changes ellipsoid (GRS 80 vs WGS 84).
/// </param>
internal sealed record CrsDefinition(int Srid, string Name, bool IsGeographic, string Wkt, Envelope AreaOfUse, bool NullShiftToWgs84 = true);
