using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>One layer at one zoom of a seed job: its area in the set's CRS and how many blocks and tiles it covers.</summary>
public sealed record SeedStep(LayerDefinition Layer, TileMatrixSet Set, TileMatrix Matrix, Geometry Area, long Blocks, long Tiles);
