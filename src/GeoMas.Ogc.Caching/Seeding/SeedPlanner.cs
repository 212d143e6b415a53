using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// The metatile blocks of one matrix that meet an area, in a fixed row-major order (the resume file counts in it).
/// Blocks are aligned like the tile service aligns metatiles (multiples of the metatile size), so asking for one tile
/// of a block renders exactly that block once and stores all its tiles. A block is kept when its ground bounds meet
/// the area polygon — tested per block, not per tile: a metatile is the unit of work.
/// </summary>
public static class SeedPlanner
{
    public static Geometry AreaIn(Geometry area, int areaSrid, TileMatrixSet set, CrsRegistry crs) =>
        crs.GetTransform(areaSrid, set.Srid).Transform(area);

    public static IEnumerable<SeedBlock> Blocks(TileMatrix matrix, Geometry area, int metatileSize)
    {
        if (area.IsEmpty || TileMath.TileRange(matrix, area.EnvelopeInternal) is not var (minRow, maxRow, minCol, maxCol))
            yield break;
        var prepared = PreparedGeometryFactory.Prepare(area);
        var factory = area.Factory;
        for (var blockRow = minRow / metatileSize * metatileSize; blockRow <= maxRow; blockRow += metatileSize)
        {
            for (var blockCol = minCol / metatileSize * metatileSize; blockCol <= maxCol; blockCol += metatileSize)
            {
                var r0 = Math.Max(blockRow, minRow);
                var r1 = Math.Min(blockRow + metatileSize - 1, maxRow);
                var c0 = Math.Max(blockCol, minCol);
                var c1 = Math.Min(blockCol + metatileSize - 1, maxCol);
                if (!prepared.Intersects(factory.ToGeometry(Bounds(matrix, r0, r1, c0, c1))))
                    continue;
                var (row, col) = FirstTileIn(matrix, prepared, factory, r0, r1, c0, c1);
                yield return new SeedBlock(r0, r1, c0, c1, row, col);
            }
        }
    }

    private static (long Row, long Col) FirstTileIn(TileMatrix matrix, IPreparedGeometry area, GeometryFactory factory, long r0, long r1, long c0, long c1)
    {
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                if (area.Intersects(factory.ToGeometry(TileMath.TileBounds(matrix, r, c))))
                    return (r, c);
            }
        }
        return (r0, c0);
    }

    private static Envelope Bounds(TileMatrix matrix, long r0, long r1, long c0, long c1)
    {
        var topLeft = TileMath.TileBounds(matrix, r0, c0);
        var bottomRight = TileMath.TileBounds(matrix, r1, c1);
        return new Envelope(topLeft.MinX, bottomRight.MaxX, bottomRight.MinY, topLeft.MaxY);
    }
}
