using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Support;

/// <summary>A hand-built catalog shaped like the demo: Lambert-93 layers around Gap, a time layer, a raster, two groups.</summary>
public static class TestCatalog
{
    public static readonly CrsRegistry Crs = new();
    public static readonly Envelope GapExtent = new(940000, 950000, 6384000, 6394000);

    public static CatalogSnapshot Build(ServiceLimits? limits = null, string updateSequence = "42", string? publicBaseUrl = null) =>
        new(
            new ServiceMetadata
            {
                Title = "GeoMas test",
                Abstract = "Test service",
                Keywords = ["test", "wms"],
                PublicBaseUrl = publicBaseUrl,
                Contact = new ContactInfo { Person = "Jeanne", Organization = "GeoMas", Email = "jeanne@example.org", City = "Gap", Country = "France" },
            },
            new Dictionary<string, SourceDefinition>(),
            [
                Vector("communes", GeometryKind.Polygon, GapExtent, ["default", "labels"]),
                Vector("parcelles", GeometryKind.Polygon, new Envelope(944000, 945000, 6388700, 6389700), ["default"]) with { MinScaleDenominator = 100, MaxScaleDenominator = 25000 },
                Vector("routes", GeometryKind.Line, GapExtent, ["default"]),
                Vector("plu_zones", GeometryKind.Polygon, GapExtent, ["default"]) with
                {
                    Time = new TimeDimension
                    {
                        StartColumn = "valid_from",
                        EndColumn = "valid_to",
                        Values = [new DateOnly(2015, 3, 1), new DateOnly(2019, 6, 15), new DateOnly(2023, 1, 10), new DateOnly(2099, 1, 1)],
                    },
                },
                new LayerDefinition
                {
                    Id = "ortho", Title = "Orthophoto", Kind = LayerKind.Raster, Queryable = false, Opaque = true,
                    Extent = GapExtent, GeographicExtent = Geographic(GapExtent),
                },
                new LayerDefinition { Id = "fond_plan", Title = "Fond de plan", Kind = LayerKind.Group, Children = ["ortho", "routes", "communes"] },
                new LayerDefinition { Id = "plan", Title = "Plan", Kind = LayerKind.Group, Children = ["plu_zones", "parcelles", "routes", "communes"] },
            ],
            limits ?? new ServiceLimits { MaxWidth = 2048, MaxHeight = 2048, LayerLimit = 5, MaxConcurrentRenders = 2, MaxQueuedRenders = 4 },
            [2154, 3857, 4326, 3944],
            updateSequence);

    private static LayerDefinition Vector(string id, GeometryKind kind, Envelope extent, string[] styles) => new()
    {
        Id = id,
        Title = "Layer " + id,
        Abstract = "Abstract of " + id,
        Keywords = [id],
        GeometryKind = kind,
        Extent = extent,
        GeographicExtent = Geographic(extent),
        Attributes = [new AttributeDefinition("nom", AttributeType.String), new AttributeDefinition("surface", AttributeType.Double)],
        Styles = styles.Select(name => new LayerStyle(name, "Style " + name, "", name + ".sld", StyleWithRules(name, name == "labels" ? 3 : 1))).ToArray(),
        DefaultStyleName = "default",
    };

    private static Style StyleWithRules(string name, int rules) => new(name, name, "",
        [new FeatureTypeStyle(Enumerable.Range(1, rules).Select(i => new Rule
        {
            Name = "r" + i,
            Title = "Rule " + i,
            Symbolizers = [new PolygonSymbolizer { Fill = new Fill(new RgbaColor(200, 100, 50)), Stroke = new Stroke { Width = 1.5 } }],
        }).ToArray())]);

    private static Envelope Geographic(Envelope native) => Crs.GetTransform(2154, 4326).TransformEnvelope(native);
}
