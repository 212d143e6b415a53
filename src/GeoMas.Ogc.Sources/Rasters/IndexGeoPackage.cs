using System.Globalization;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Sources.Rasters.Mosaics;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>
/// A mosaic's footprint index as a GeoPackage feature table (<see cref="TableName"/>): one polygon per file with its
/// path (relative to the GeoPackage), exact extent, resolution and opacity, and the GeoPackage R-tree on the polygons.
/// The same index as the JSON document, in a form GIS tools open as a layer (QGIS shows the dalles, ogr2ogr can
/// load it into PostGIS). The R-tree stores 32-bit floats (half a metre apart at Lambert-93 northings), so exact
/// extents live in their own columns and the R-tree only narrows a spatial query.
/// </summary>
public static class IndexGeoPackage
{
    public const string TableName = "raster_index";
    private const string RTreeName = "rtree_" + TableName + "_geom";

    public static bool IsGeoPackage(string path) => path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="index"/> to a new GeoPackage at <paramref name="path"/> (replacing any file there).</summary>
    public static void Write(MosaicIndex index, string path)
    {
        ArgumentNullException.ThrowIfNull(index);
        try
        {
            WriteTable(index, path);
        }
        catch (SqliteException ex)
        {
            throw new RasterSourceException($"cannot write the raster index GeoPackage '{path}': {ex.Message}", ex);
        }
    }

    private static void WriteTable(MosaicIndex index, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        File.Delete(full);
        using var connection = Open(full, SqliteOpenMode.ReadWriteCreate);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
              scope TEXT NOT NULL, UNIQUE (table_name, column_name, extension_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            CREATE TABLE raster_index (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, location TEXT NOT NULL,
              min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
              resolution_x DOUBLE NOT NULL, resolution_y DOUBLE NOT NULL, opaque BOOLEAN NOT NULL);
            CREATE VIRTUAL TABLE rtree_raster_index_geom USING rtree(id, minx, maxx, miny, maxy);
            INSERT INTO gpkg_extensions VALUES ('raster_index', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """);

        var registry = new CrsRegistry();
        var srid = index.Srid;
        var e = index.Extent;
        Execute(connection, transaction,
            "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $srid, 'EPSG', $srid, $wkt, NULL)",
            ("$name", registry.IsSupported(srid) ? registry.Name(srid) : string.Create(CultureInfo.InvariantCulture, $"EPSG:{srid}")), ("$srid", srid),
            ("$wkt", registry.IsSupported(srid) ? registry.Wkt(srid) : "undefined"));
        Execute(connection, transaction,
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) " +
            "VALUES ('raster_index', 'features', 'raster_index', 'geomas index-rasters: mosaic file footprints', $minx, $miny, $maxx, $maxy, $srid)",
            ("$minx", e.MinX), ("$miny", e.MinY), ("$maxx", e.MaxX), ("$maxy", e.MaxY), ("$srid", srid));
        Execute(connection, transaction, "INSERT INTO gpkg_geometry_columns VALUES ('raster_index', 'geom', 'POLYGON', $srid, 0, 0)", ("$srid", srid));

        var factory = new GeometryFactory(new PrecisionModel(), srid);
        var writer = new GeoPackageGeoWriter();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO raster_index (geom, location, min_x, min_y, max_x, max_y, resolution_x, resolution_y, opaque)
            VALUES ($geom, $location, $minx, $miny, $maxx, $maxy, $rx, $ry, $opaque);
            INSERT INTO rtree_raster_index_geom VALUES (last_insert_rowid(), $minx, $maxx, $miny, $maxy);
            """;
        foreach (var tile in index.Tiles)
        {
            insert.Parameters.Clear();
            var x = tile.Extent;
            insert.Parameters.AddWithValue("$geom", writer.Write(factory.ToGeometry(x)));
            insert.Parameters.AddWithValue("$location", Path.GetRelativePath(directory, tile.Path).Replace('\\', '/'));
            insert.Parameters.AddWithValue("$minx", x.MinX);
            insert.Parameters.AddWithValue("$miny", x.MinY);
            insert.Parameters.AddWithValue("$maxx", x.MaxX);
            insert.Parameters.AddWithValue("$maxy", x.MaxY);
            insert.Parameters.AddWithValue("$rx", tile.ResolutionX);
            insert.Parameters.AddWithValue("$ry", tile.ResolutionY);
            insert.Parameters.AddWithValue("$opaque", tile.IsOpaque);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Loads every footprint of the GeoPackage index (paths resolved against its folder).</summary>
    public static MosaicIndex Read(string path)
    {
        var (srid, tiles) = Load(path, null);
        if (tiles.Count == 0)
            throw new RasterSourceException($"'{path}' indexes no file");
        return new MosaicIndex(srid, tiles);
    }

    /// <summary>
    /// The files whose footprint overlaps <paramref name="extent"/> with a positive area, in index order: the R-tree
    /// narrows the candidates (its boxes are rounded outwards, so none is missed), the exact columns decide.
    /// </summary>
    public static IReadOnlyList<MosaicTile> Query(string path, Envelope extent)
    {
        ArgumentNullException.ThrowIfNull(extent);
        return Load(path, extent).Tiles;
    }

    private static (int Srid, List<MosaicTile> Tiles) Load(string path, Envelope? extent)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        try
        {
            using var connection = Open(full, SqliteOpenMode.ReadOnly);
            using var srs = connection.CreateCommand();
            srs.CommandText = "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'raster_index'";
            if (srs.ExecuteScalar() is not long srid)
                throw new RasterSourceException($"'{path}' has no {TableName} table; build one with geomas index-rasters --output <index.gpkg>");

            using var select = connection.CreateCommand();
            select.CommandText = "SELECT location, min_x, min_y, max_x, max_y, resolution_x, resolution_y, opaque FROM raster_index";
            if (extent is not null)
            {
                select.CommandText += $" WHERE fid IN (SELECT id FROM {RTreeName} WHERE minx <= $maxx AND maxx >= $minx AND miny <= $maxy AND maxy >= $miny)" +
                    " AND min_x < $maxx AND max_x > $minx AND min_y < $maxy AND max_y > $miny";
                select.Parameters.AddWithValue("$minx", extent.MinX);
                select.Parameters.AddWithValue("$miny", extent.MinY);
                select.Parameters.AddWithValue("$maxx", extent.MaxX);
                select.Parameters.AddWithValue("$maxy", extent.MaxY);
            }
            select.CommandText += " ORDER BY fid";
            var tiles = new List<MosaicTile>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                tiles.Add(new MosaicTile(
                    Path.GetFullPath(Path.Combine(directory, reader.GetString(0))),
                    new Envelope(reader.GetDouble(1), reader.GetDouble(3), reader.GetDouble(2), reader.GetDouble(4)),
                    reader.GetDouble(5), reader.GetDouble(6), reader.GetBoolean(7)));
            }
            return ((int)srid, tiles);
        }
        catch (SqliteException ex)
        {
            throw new RasterSourceException($"'{path}' is not a raster index GeoPackage: {ex.Message}", ex);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
