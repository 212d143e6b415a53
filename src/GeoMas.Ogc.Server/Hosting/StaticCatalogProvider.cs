using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>Serves the snapshot loaded at start (a reload would swap it atomically; there is none yet).</summary>
public sealed class StaticCatalogProvider(CatalogSnapshot snapshot) : ICatalogProvider
{
    public CatalogSnapshot Current { get; } = snapshot;
}
