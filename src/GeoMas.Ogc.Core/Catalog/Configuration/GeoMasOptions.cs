namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// The configuration file as bound by Microsoft.Extensions.Configuration (config/geomas.json + environment +
/// command line). Mutable and unvalidated on purpose: <see cref="CatalogBuilder"/> turns it into an immutable,
/// validated <see cref="CatalogSnapshot"/> and reports every mistake at once. Enumerations are kept as strings
/// here so that a typo becomes a catalog error with the layer id in it, not a binder exception.
/// </summary>
public sealed class GeoMasOptions
{
    public ServiceOptions Service { get; set; } = new();

    /// <summary>Data stores by id; layers name one of these ids.</summary>
    public Dictionary<string, SourceOptions> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Published layers in publication order (groups included).</summary>
    public List<LayerOptions> Layers { get; set; } = [];

    public LimitsOptions Limits { get; set; } = new();

    /// <summary>EPSG codes offered for maps, first = native; CRS:84 is implied by 4326.</summary>
    public List<int> Crs { get; set; } = [];

    /// <summary>Folder of the style files, relative to the configuration file's folder.</summary>
    public string? StylesDirectory { get; set; }

    public StartupOptions Startup { get; set; } = new();

    /// <summary>Tile cache stores and metatiling.</summary>
    public CacheOptions Cache { get; set; } = new();
}
