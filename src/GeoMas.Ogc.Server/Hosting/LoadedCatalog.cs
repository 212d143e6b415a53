using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Sources;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>A validated snapshot with the objects it was validated with (the same ones then serve requests).</summary>
public sealed record LoadedCatalog(CatalogSnapshot Snapshot, SourceRegistry Sources, CrsRegistry Crs, IStyleReader StyleReader);
