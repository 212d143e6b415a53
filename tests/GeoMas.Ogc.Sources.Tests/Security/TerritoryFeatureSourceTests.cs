using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Sources.Security;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Security;

/// <summary>The territory decorator on both real sources: queries, counts and items are clipped alike.</summary>
public class TerritoryFeatureSourceTests
{
    // A 2 km square in the middle of Gap: every parcel inside belongs to 05061.
    private static readonly Polygon Territory = new GeometryFactory(new PrecisionModel(), 2154).CreatePolygon(
        [new(942000, 6390000), new(944000, 6390000), new(944000, 6392000), new(942000, 6392000), new(942000, 6390000)]);

    public static TheoryData<string> SourceNames => new() { "geopackage", "postgis" };

    private static IFeatureSource Source(string name) => name == "postgis" ? Sources.PostGis : Sources.GeoPackage;

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task Queries_counts_and_items_stay_inside_the_territory(string name)
    {
        var inner = Source(name);
        var secured = new TerritoryFeatureSource(inner);
        var whole = TestLayers.Parcelles;
        var clipped = whole with { Access = new AccessRestriction("a1", Territory) };

        var all = await secured.CountAsync(new FeatureQuery { Layer = whole }, CancellationToken.None);
        var inside = await secured.CountAsync(new FeatureQuery { Layer = clipped }, CancellationToken.None);
        var filtered = await secured.CountAsync(new FeatureQuery { Layer = clipped, Filter = new Comparison(ComparisonOperator.NotEqual, new PropertyName("commune"), new Literal("05061")) }, CancellationToken.None);
        var features = await secured.QueryAsync(new FeatureQuery { Layer = clipped, Limit = 50 }, CancellationToken.None).ToListAsync();

        Assert.InRange(inside, 1, all - 1);
        Assert.Equal(0, filtered);
        Assert.All(features, f => Assert.True(Territory.Intersects(f.Geometry!)));
        Assert.NotNull(await secured.GetByIdAsync(clipped, features[0].Id, 4326, CancellationToken.None));
        Assert.Null(await secured.GetByIdAsync(clipped, "05100000AD0230", null, CancellationToken.None));
        Assert.NotNull(await secured.GetByIdAsync(whole, "05100000AD0230", null, CancellationToken.None));
    }
}
