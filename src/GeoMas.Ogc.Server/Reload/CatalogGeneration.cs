using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>One validated catalog (layers, groups, compiled styles) with the feature sources it was validated with.</summary>
public sealed record CatalogGeneration(CatalogSnapshot Snapshot, SourceRegistry Sources);
