using GeoMas.Ogc.Sources.Sql;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// A GeoPackage feature table as the source uses it: the common <see cref="LayerSchema"/>, the integer
/// primary key SQLite addresses rows by (usually "fid", not the published id) and the gpkg_rtree_index
/// table of the geometry column when there is one.
/// </summary>
internal sealed record GeoPackageLayer(LayerSchema Schema, string TableName, string QuotedRowId, string? QuotedRtree);
