using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// The JSON body of <c>POST /admin/seed</c> and <c>POST /admin/truncate</c>, the same vocabulary as the CLI:
/// <c>{"layers":["plan"],"tms":"WebMercatorQuad","minZoom":0,"maxZoom":16,"commune":"05061"}</c>; the area is one of
/// <c>bbox</c> (+ <c>bboxCrs</c>, default EPSG:2154), <c>commune</c>, <c>epci</c>, <c>departement</c> (comma lists allowed).
/// </summary>
public sealed class AdminJobRequest
{
    public List<string> Layers { get; set; } = [];
    public string? Tms { get; set; }
    public int? MinZoom { get; set; }
    public int? MaxZoom { get; set; }
    public double[]? Bbox { get; set; }
    public string? BboxCrs { get; set; }
    public string? Commune { get; set; }
    public string? Epci { get; set; }
    public string? Departement { get; set; }
    public int? Concurrency { get; set; }
    public string? Format { get; set; }
    public string? Style { get; set; }

    public async Task<SeedArea?> AreaAsync(CatalogSnapshot catalog, IFeatureSourceProvider sources, CancellationToken cancellationToken)
    {
        var given = new object?[] { Bbox, Commune, Epci, Departement }.Count(v => v is not null);
        if (given > 1)
            throw new ArgumentException("give one of bbox, commune, epci, departement.");
        if (Bbox is { } b)
        {
            if (b.Length != 4 || b.Any(v => !double.IsFinite(v)) || b[0] > b[2] || b[1] > b[3])
                throw new ArgumentException("bbox is [minx, miny, maxx, maxy].");
            var srid = 2154;
            if (BboxCrs is { } crs)
                srid = CrsIdentifier.TryParse(crs, out var id) ? id.Srid : throw new ArgumentException($"unknown CRS '{crs}'.");
            return SeedArea.FromBox(new Envelope(b[0], b[2], b[1], b[3]), srid);
        }
        foreach (var (value, column) in new[] { (Commune, "insee"), (Epci, "epci"), (Departement, "dep") })
        {
            if (value is not null)
                return await SeedAreaResolver.FromCommunesAsync(catalog, sources, column, value, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }
}
