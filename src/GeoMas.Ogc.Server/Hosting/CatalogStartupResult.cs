namespace GeoMas.Ogc.Server.Hosting;

public sealed record CatalogStartupResult(LoadedCatalog? Catalog, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Catalog is not null && Errors.Count == 0;
}
