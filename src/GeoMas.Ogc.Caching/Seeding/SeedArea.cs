using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>Where to seed or truncate: a polygon (a commune, an EPCI, a département) or a box, in <see cref="Srid"/>.</summary>
public sealed record SeedArea(Geometry Geometry, int Srid, string Description)
{
    public static SeedArea FromBox(Envelope box, int srid) =>
        new(new GeometryFactory(new PrecisionModel(), srid).ToGeometry(box), srid,
            FormattableString.Invariant($"bbox {box.MinX},{box.MinY},{box.MaxX},{box.MaxY} (EPSG:{srid})"));
}
