namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>Either a snapshot (no errors) or every error found; never both.</summary>
public sealed record CatalogBuildResult(CatalogSnapshot? Snapshot, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Snapshot is not null && Errors.Count == 0;
}
