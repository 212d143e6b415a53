using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Paging;

/// <summary>
/// Keyset paging (<see cref="FeatureQuery.AfterId"/>) on both sources: walking pages "after the last id" returns
/// every row exactly once, in the same order as one unpaged query, and bad positions never reach SQL as text.
/// </summary>
public sealed class KeysetPagingTests
{
    public static TheoryData<string> SourceNames => new() { "postgis", "geopackage" };

    private static IFeatureSource Source(string name) => name == "postgis" ? Sources.PostGis : Sources.GeoPackage;

    private static async Task<List<string>> WalkAsync(IFeatureSource source, FeatureQuery query, int pageSize)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await source.QueryAsync(query with { Limit = pageSize, AfterId = after }, default).ToListAsync();
            ids.AddRange(page.Select(f => f.Id));
            if (page.Count < pageSize)
                return ids;
            after = page[^1].Id;
        }
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task Walking_a_whole_text_keyed_table_returns_every_row_once_in_id_order(string name)
    {
        var source = Source(name);
        var query = new FeatureQuery { Layer = TestLayers.Parcelles, Properties = [], IncludeGeometry = false };

        var walked = await WalkAsync(source, query, 1000);
        var all = await source.QueryAsync(query, default).ToListAsync();

        Assert.Equal(24555, walked.Count);
        Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Select(f => f.Id), walked);
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task Walking_a_filtered_integer_keyed_layer_matches_the_count(string name)
    {
        var source = Source(name);
        var query = new FeatureQuery
        {
            Layer = TestLayers.Batiments,
            Bbox = new Envelope(943000, 946000, 6387000, 6390000),
            BboxSrid = 2154,
            Filter = new Comparison(ComparisonOperator.GreaterThan, new PropertyName("hauteur"), new Literal(5.0)),
            Properties = ["hauteur"],
        };

        var walked = await WalkAsync(source, query, 97);

        Assert.Equal(await source.CountAsync(query, default), walked.Count);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        var numbers = walked.Select(long.Parse).ToList();
        Assert.Equal(numbers.Order(), numbers);
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task Counts_ignore_the_keyset_position(string name)
    {
        var source = Source(name);
        var query = new FeatureQuery { Layer = TestLayers.Parcelles };
        Assert.Equal(24555, await source.CountAsync(query with { AfterId = "05" }, default));
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task A_position_is_a_value_even_when_it_looks_like_sql(string name)
    {
        var source = Source(name);
        var query = new FeatureQuery { Layer = TestLayers.Parcelles, Properties = [], IncludeGeometry = false, Limit = 5 };

        // Text ids compare as text: an injection attempt is just a (very small) id.
        var page = await source.QueryAsync(query with { AfterId = "' OR 1=1; DROP TABLE parcelles; --" }, default).ToListAsync();
        Assert.Equal(5, page.Count);
        Assert.Equal(24555, await source.CountAsync(query, default));

        // Integer ids must parse.
        var e = await Assert.ThrowsAsync<ServiceException>(() =>
            source.QueryAsync(new FeatureQuery { Layer = TestLayers.Batiments, AfterId = "1 OR 1=1" }, default).ToListAsync());
        Assert.Equal(KeysetCursor.Parameter, e.Locator);
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task A_position_with_another_sort_order_is_refused(string name)
    {
        var query = new FeatureQuery { Layer = TestLayers.Parcelles, SortBy = [new SortKey("commune")], AfterId = "05" };
        var e = await Assert.ThrowsAsync<ServiceException>(() => Source(name).QueryAsync(query, default).ToListAsync());
        Assert.Equal(ErrorKind.InvalidParameter, e.Kind);
    }
}
