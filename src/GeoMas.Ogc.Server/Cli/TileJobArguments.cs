using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>The area options shared by <c>seed</c> and <c>truncate</c>: <c>--bbox</c> (+ <c>--bbox-crs</c>) or one commune, EPCI or département of the data.</summary>
public static class TileJobArguments
{
    public static readonly string[] AreaOptions = ["bbox", "bbox-crs", "commune", "epci", "departement"];

    public static async Task<SeedArea?> AreaAsync(VerbOptions options, CatalogSnapshot catalog, IFeatureSourceProvider sources, CancellationToken cancellationToken)
    {
        var chosen = new[] { "bbox", "commune", "epci", "departement" }.Where(n => options.Get(n) is not null).ToList();
        if (chosen.Count > 1)
            throw new FormatException("give one of --bbox, --commune, --epci, --departement.");
        if (options.Numbers("bbox", 4) is { } b)
        {
            var srid = 2154;
            if (options.Get("bbox-crs") is { } crs)
                srid = CrsIdentifier.TryParse(crs, out var id) ? id.Srid : throw new FormatException($"unknown CRS '{crs}'.");
            return SeedArea.FromBox(new Envelope(b[0], b[2], b[1], b[3]), srid);
        }
        foreach (var (option, column) in new[] { ("commune", "insee"), ("epci", "epci"), ("departement", "dep") })
        {
            if (options.Get(option) is { } value)
                return await SeedAreaResolver.FromCommunesAsync(catalog, sources, column, value, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }
}
