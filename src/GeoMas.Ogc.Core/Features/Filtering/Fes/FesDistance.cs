using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// The <c>fes:Distance</c> of DWithin/Beyond, converted to units of the geometry's CRS (what
/// <see cref="SpatialFilter.Distance"/> holds). Metres and kilometres are exact in projected CRSs. In geographic
/// CRSs a metric distance becomes degrees at <see cref="CrsRegistry.MetersPerDegree"/> (equatorial metres per
/// degree): the SQL compilers convert it back with the same factor before measuring in the layer's projected CRS, so
/// the round trip is exact there; the in-memory evaluator measures in degrees and is approximate away from the
/// equator. Degrees are accepted only for geographic CRSs. Without a uom the value is in CRS units.
/// </summary>
internal static class FesDistance
{
    private enum Unit { CrsUnits, Metre, Kilometre, Degree }

    public static double Read(XElement distance, CrsIdentifier? crs)
    {
        var text = distance.Value.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            throw FesXml.Error(distance, $"Distance '{text}' is not a non-negative number.");
        var uom = FesXml.Attribute(distance, "uom") ?? FesXml.Attribute(distance, "units");
        var unit = UnitOf(uom) ?? throw FesXml.Error(distance, $"Unknown distance unit '{uom}' (use m, km or deg).");
        var geographic = crs is { } c && (c.IsCrs84 || AxisOrderRules.IsLatitudeFirstInEpsg(c.Srid));
        switch (unit)
        {
            case Unit.CrsUnits:
                return value;
            case Unit.Metre or Unit.Kilometre:
                var metres = unit == Unit.Kilometre ? value * 1000 : value;
                return geographic ? metres / CrsRegistry.MetersPerDegree : metres;
            default:
                if (!geographic)
                    throw FesXml.Error(distance, "A distance in degrees needs a geometry in a geographic CRS (give srsName, or use metres).");
                return value;
        }
    }

    private static Unit? UnitOf(string? uom)
    {
        if (string.IsNullOrWhiteSpace(uom))
            return Unit.CrsUnits;
        var u = uom.Trim();
        // urn:ogc:def:uom:EPSG::9001, http://www.opengis.net/def/uom/EPSG/0/9001, ...#9001: keep the code.
        var code = u.Split(':', '/', '#')[^1];
        return code.ToLowerInvariant() switch
        {
            "m" or "metre" or "meter" or "metres" or "meters" or "9001" => Unit.Metre,
            "km" or "kilometre" or "kilometer" or "kilometres" or "kilometers" or "9036" => Unit.Kilometre,
            "deg" or "degree" or "degrees" or "9102" or "9122" => Unit.Degree,
            _ => null,
        };
    }
}
