using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Sources.GeoPackage;
using GeoMas.Ogc.Sources.PostGis;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>One instance of each source for the whole test run (they are pooled and thread-safe).</summary>
internal static class Sources
{
    private static readonly Lazy<PostGisFeatureSource> LazyPostGis = new(() => new PostGisFeatureSource(TestLayers.PostGisSource(), TestLayers.Crs));
    private static readonly Lazy<GeoPackageFeatureSource> LazyGeoPackage = new(() => new GeoPackageFeatureSource(TestLayers.GeoPackageSource(), TestLayers.Crs));

    public static PostGisFeatureSource PostGis => LazyPostGis.Value;
    public static GeoPackageFeatureSource GeoPackage => LazyGeoPackage.Value;

    public static async Task<List<Feature>> ToListAsync(this IAsyncEnumerable<Feature> features)
    {
        var list = new List<Feature>();
        await foreach (var f in features)
            list.Add(f);
        return list;
    }
}
