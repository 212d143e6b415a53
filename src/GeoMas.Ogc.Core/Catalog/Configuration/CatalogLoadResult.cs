namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>The loaded snapshot or every error; warnings (degraded sources) come with either.</summary>
public sealed record CatalogLoadResult(CatalogSnapshot? Snapshot, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Snapshot is not null && Errors.Count == 0;
}
