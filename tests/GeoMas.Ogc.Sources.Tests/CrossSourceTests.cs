using System.Diagnostics;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>
/// PostGIS and the GeoPackage hold the same demo tables: the same query must give the same features, in the
/// same order, with values of the same types, from both.
/// </summary>
public sealed class CrossSourceTests(ITestOutputHelper output)
{
    private static readonly Envelope GapCentre = new(943000, 946000, 6387000, 6390000);

    public static TheoryData<string> Queries => new(Cases.Keys);

    private static readonly Dictionary<string, FeatureQuery> Cases = new()
    {
        ["parcelles in Gap centre by area"] = new()
        {
            Layer = TestLayers.Parcelles,
            Bbox = GapCentre,
            BboxSrid = 2154,
            SortBy = [new SortKey("contenance", SortDirection.Descending)],
            Limit = 500,
            Offset = 1000,
        },
        ["plu zones in 2010, lon/lat output"] = new()
        {
            Layer = TestLayers.PluZones,
            OutputSrid = 4326,
            Time = new TimeSelection([TimeRange.Instant(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero))]),
        },
        ["plu zones in force, by label"] = new()
        {
            Layer = TestLayers.PluZones,
            SortBy = [new SortKey("libelle")],
        },
        ["communes by name, case-insensitive like"] = new()
        {
            Layer = TestLayers.Communes,
            SortBy = [new SortKey("nom")],
            Filter = new Or([new Like(new PropertyName("nom"), "%É%", MatchCase: false), new Comparison(ComparisonOperator.GreaterThan, new PropertyName("population"), new Literal("5000"))]),
        },
        ["batiments of Jarjayes by height"] = new()
        {
            Layer = TestLayers.Batiments,
            SortBy = [new SortKey("hauteur", SortDirection.Descending)],
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05068")),
        },
        ["routes near the Gap town hall, web mercator"] = new()
        {
            Layer = TestLayers.Routes,
            OutputSrid = 3857,
            Filter = new SpatialFilter(SpatialOperator.DWithin, null, new GeometryFactory().CreatePoint(new Coordinate(944546, 6389317)), 2154, 800),
        },
        ["every route"] = new() { Layer = TestLayers.Routes, IncludeGeometry = false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Both_sources_return_the_same_features(string name)
    {
        var query = Cases[name];

        var fromPostGis = await Sources.PostGis.QueryAsync(query, default).ToListAsync();
        var fromGeoPackage = await Sources.GeoPackage.QueryAsync(query, default).ToListAsync();

        Assert.NotEmpty(fromPostGis);
        Assert.Equal(fromPostGis.Select(f => f.Id), fromGeoPackage.Select(f => f.Id));
        Assert.Equal(await Sources.PostGis.CountAsync(query, default), await Sources.GeoPackage.CountAsync(query, default));
        for (var i = 0; i < fromPostGis.Count; i++)
        {
            var (a, b) = (fromPostGis[i], fromGeoPackage[i]);
            Assert.Equal(a.Values, b.Values);
            Assert.Equal(a.Values.Select(v => v?.GetType()), b.Values.Select(v => v?.GetType()));
            if (query.IncludeGeometry)
            {
                Assert.Equal(a.Geometry!.SRID, b.Geometry!.SRID);
                Assert.Equal(a.Geometry.NumPoints, b.Geometry.NumPoints);
                Assert.True(a.Geometry.EqualsExact(b.Geometry, 1e-6), $"geometry of {a.Id} differs");
            }
        }
    }

    [Fact]
    public async Task Streaming_every_parcel_takes_seconds_not_minutes()
    {
        foreach (var source in new IFeatureSource[] { Sources.PostGis, Sources.GeoPackage })
        {
            var query = new FeatureQuery { Layer = TestLayers.Parcelles };
            await Sources.ToListAsync(source.QueryAsync(query with { Limit = 1 }, default)); // warm the pool and the schema cache
            var watch = Stopwatch.StartNew();
            long count = 0, points = 0;
            await foreach (var feature in source.QueryAsync(query, default))
            {
                count++;
                points += feature.Geometry!.NumPoints;
            }
            watch.Stop();
            output.WriteLine($"{source.GetType().Name}: {count} parcelles, {points} vertices in {watch.ElapsedMilliseconds} ms");
            Assert.Equal(24555, count);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        }
    }
}
