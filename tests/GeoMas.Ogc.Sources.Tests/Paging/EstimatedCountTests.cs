using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Sources.Tests.Paging;

/// <summary>
/// count: estimated on PostGIS answers from statistics (reltuples, or the planner's estimate of the WHERE): close
/// to the exact number on this data, and never the exact count by accident of running it. GeoPackage keeps no
/// statistics and counts.
/// </summary>
public sealed class EstimatedCountTests
{
    private static readonly FeatureQuery Estimated = new() { Layer = TestLayers.Parcelles with { Count = FeatureCountMode.Estimated } };

    [Fact]
    public async Task An_unfiltered_estimate_comes_from_the_table_statistics()
    {
        var estimate = await Sources.PostGis.CountAsync(Estimated, default);
        Assert.InRange(estimate, 24555 * 0.9, 24555 * 1.1);
    }

    [Fact]
    public async Task A_filtered_estimate_is_the_planners_row_estimate()
    {
        var query = Estimated with { Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05061")) };
        var exact = await Sources.PostGis.CountAsync(query with { Layer = TestLayers.Parcelles }, default);

        var estimate = await Sources.PostGis.CountAsync(query, default);

        Assert.True(exact > 100);
        Assert.InRange(estimate, exact / 3.0, exact * 3.0);
    }

    [Fact]
    public async Task GeoPackage_counts_exactly_whatever_the_mode() =>
        Assert.Equal(24555, await Sources.GeoPackage.CountAsync(Estimated, default));
}
