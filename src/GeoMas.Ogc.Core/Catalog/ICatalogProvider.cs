namespace GeoMas.Ogc.Core.Catalog;

/// <summary>Hands out the current snapshot; a request takes it once and keeps it to the end.</summary>
public interface ICatalogProvider
{
    CatalogSnapshot Current { get; }
}
