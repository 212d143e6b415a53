using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Tests.Catalog.Configuration;

public class CatalogBuilderTests
{
    [Fact]
    public void Real_configuration_builds_the_published_layers()
    {
        var result = TestConfigs.Build(TestConfigs.LoadRealConfig());

        Assert.Empty(result.Errors);
        var snapshot = result.Snapshot!;
        Assert.Equal(["communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "ortho", "fond_plan", "plan"],
            snapshot.Layers.Select(l => l.Id));
        Assert.Equal(2154, snapshot.SupportedSrids[0]);
        Assert.Contains(4326, snapshot.SupportedSrids);

        var communes = snapshot.FindLayer("communes")!;
        Assert.Equal("insee", communes.IdColumn);
        Assert.Equal(GeometryKind.Polygon, communes.GeometryKind);
        Assert.Equal(AttributeType.Integer, communes.FindAttribute("population")!.Type);
        Assert.Equal("default", communes.DefaultStyle!.Name);
        Assert.EndsWith(Path.Combine("styles", "communes.sld"), communes.DefaultStyle.FilePath);

        var plu = snapshot.FindLayer("plu_zones")!;
        Assert.Equal("valid_from", plu.Time!.StartColumn);
        Assert.Equal("valid_to", plu.Time.EndColumn);

        Assert.Equal(["plu_zones", "parcelles", "batiments", "routes", "sentiers", "communes"],
            snapshot.Expand(snapshot.FindLayer("plan")!).Select(l => l.Id));

        var source = snapshot.Sources["main"];
        Assert.Equal(SourceKind.GeoPackage, source.Kind);
        Assert.True(Path.IsPathRooted(source.Connection));
        Assert.True(File.Exists(source.Connection));

        Assert.Equal("none", snapshot.Service.Fees);
        Assert.False(string.IsNullOrEmpty(snapshot.Service.Contact.Organization));
        Assert.Equal(4096, snapshot.Limits.MaxWidth);
        Assert.Equal(TimeSpan.FromSeconds(30), snapshot.Limits.RenderTimeout);
    }

    [Fact]
    public void A_broken_configuration_reports_every_error_at_once()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Service.Title = "";                                            // 1
        options.Crs.Add(999999);                                               // 2
        options.Limits.MaxWidth = 0;                                           // 3
        options.Layers[1].Table = null;                                        // 4 parcelles
        options.Layers[2].Source = "nowhere";                                  // 5 batiments
        options.Layers[3].Id = "communes";                                     // 6 duplicate id (routes)
        options.Layers[4].Attributes[0].Type = "complex";                      // 7 plu_zones
        options.Layers[5].Srid = 12345;                                        // 8 sentiers
        options.Layers[7].Children.Add("missing_layer");                       // 9 fond_plan
        options.Sources["main"].Path = "demo/missing.gpkg";                    // 10

        var result = TestConfigs.Build(options);

        Assert.Null(result.Snapshot);
        string[] expected =
        [
            "service.title is required",
            "EPSG:999999 is not supported",
            "limits.maxWidth = 0 is out of range",
            "layer 'parcelles': table is required",
            "layer 'batiments': source 'nowhere' is not defined",
            "layer 'communes': id is used by another layer",
            "layer 'plu_zones': attribute 'id' has type 'complex'",
            "layer 'sentiers': srid 12345 is not a supported CRS",
            "layer 'fond_plan': child 'missing_layer' is not a layer",
            "source 'main': file 'demo/missing.gpkg' not found",
        ];
        foreach (var fragment in expected)
            Assert.Contains(result.Errors, e => e.Contains(fragment, StringComparison.Ordinal));
        // The duplicate 'communes' drops 'routes' from fond_plan and plan: two more errors, and nothing else.
        Assert.Equal(expected.Length + 2, result.Errors.Count);
        Assert.Contains("layer 'plan': child 'routes' is not a layer", result.Errors);
    }

    [Fact]
    public void Group_cycles_are_reported()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Layers.Add(new LayerOptions { Id = "a", Kind = "group", Children = ["communes", "b"] });
        options.Layers.Add(new LayerOptions { Id = "b", Kind = "group", Children = ["a"] });
        options.Layers.Add(new LayerOptions { Id = "self", Kind = "group", Children = ["self"] });

        var result = TestConfigs.Build(options);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("layer 'a': groups form a cycle: a -> b -> a", result.Errors);
        Assert.Contains("layer 'self': groups form a cycle: self -> self", result.Errors);
    }

    [Fact]
    public void Connection_strings_read_the_environment_with_defaults()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Sources["main"] = new SourceOptions
        {
            Kind = "postgis",
            ConnectionString = "${GEOMAS_PG:-Host=127.0.0.1;Database=geomas}",
            Schema = "geomas",
        };

        var fromDefault = TestConfigs.Build(options, environment: _ => null);
        var fromEnvironment = TestConfigs.Build(options, environment: n => n == "GEOMAS_PG" ? "Host=db.internal;Database=prod" : null);

        Assert.Equal("Host=127.0.0.1;Database=geomas", fromDefault.Snapshot!.Sources["main"].Connection);
        Assert.Equal("Host=db.internal;Database=prod", fromEnvironment.Snapshot!.Sources["main"].Connection);
        Assert.Equal("geomas", fromEnvironment.Snapshot.Sources["main"].Schema);
    }

    [Fact]
    public void An_unset_variable_without_default_is_an_error()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Sources["main"] = new SourceOptions { Kind = "postgis", ConnectionString = "Host=x;Password=${PG_SECRET}" };

        var result = TestConfigs.Build(options);

        Assert.Equal(["source 'main': connectionString uses ${PG_SECRET}, which is not set (write ${PG_SECRET:-default} for a default)"], result.Errors);
    }

    [Fact]
    public void A_broken_style_file_is_reported_once_with_the_readers_message()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Layers.Add(new LayerOptions
        {
            Id = "communes_bis",
            Source = "main",
            Table = "communes",
            IdColumn = "insee",
            GeometryType = "polygon",
            Srid = 2154,
            Styles = [new StyleReferenceOptions { File = "communes.sld" }],
        });
        var reader = new FakeStyleReader();
        reader.FailuresByFileName["communes.sld"] = "communes.sld line 12: bad colour '#12'";

        var result = TestConfigs.Build(options, reader);

        Assert.Equal(["style file 'communes.sld' is invalid: communes.sld line 12: bad colour '#12'"], result.Errors);
    }

    [Fact]
    public void Styles_may_only_read_published_properties()
    {
        var options = TestConfigs.LoadRealConfig();
        var reader = new FakeStyleReader();
        var rule = new Rule
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("secret_owner"), new Literal("x")),
            Symbolizers = [new TextSymbolizer { Label = new PropertyName("nom") }],
        };
        reader.StylesByFileName["sentiers.sld"] = [new Style("default", "", "", [new FeatureTypeStyle([rule])])];

        var result = TestConfigs.Build(options, reader);

        Assert.Equal(["layer 'sentiers': style 'default' (sentiers.sld) uses property 'secret_owner', which the layer does not publish"], result.Errors);
    }

    [Fact]
    public void Named_style_selection_and_default_style_are_checked()
    {
        var options = TestConfigs.LoadRealConfig();
        options.Layers[0].Styles = [new StyleReferenceOptions { File = "communes.sld", Name = "alt" }];
        options.Layers[1].Styles = [new StyleReferenceOptions { File = "parcelles.sld", Name = "nope" }];
        options.Layers[2].DefaultStyle = "alt";
        options.Layers[3].DefaultStyle = "unknown";

        var result = TestConfigs.Build(options);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("layer 'parcelles': style file 'parcelles.sld' has no UserStyle named 'nope' (it has: default, alt)", result.Errors);
        Assert.Contains("layer 'routes': defaultStyle 'unknown' is not one of its styles (default, alt)", result.Errors);
    }

    [Fact]
    public void Palette_colours_default_to_256_take_the_cache_sections_default_and_a_layers_own()
    {
        var options = TestConfigs.LoadRealConfig();
        Assert.All(TestConfigs.Build(options).Snapshot!.Layers, l => Assert.Equal(256, l.Cache.PaletteColours));

        options.Cache = new CacheOptions { PaletteColours = 128 };
        options.Layers[1].Cache = new LayerCacheOptions { PaletteColours = 32 }; // parcelles
        var snapshot = TestConfigs.Build(options).Snapshot!;
        Assert.Equal(32, snapshot.FindLayer("parcelles")!.Cache.PaletteColours);
        Assert.Equal(128, snapshot.FindLayer("plan")!.Cache.PaletteColours);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(257)]
    public void Palette_colours_outside_2_to_256_are_configuration_errors(int colours)
    {
        var options = TestConfigs.LoadRealConfig();
        options.Cache = new CacheOptions { PaletteColours = colours };
        options.Layers[1].Cache = new LayerCacheOptions { PaletteColours = colours };

        var errors = TestConfigs.Build(options).Errors;

        Assert.Contains(errors, e => e.Contains($"cache.paletteColours {colours} is outside 2..256", StringComparison.Ordinal) && !e.Contains(':', StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains($"parcelles", StringComparison.Ordinal) && e.Contains($"cache.paletteColours {colours}", StringComparison.Ordinal));
    }

    [Fact]
    public void Update_sequence_is_stable_per_content_and_numeric()
    {
        var first = TestConfigs.Build(TestConfigs.LoadRealConfig()).Snapshot!.UpdateSequence;
        var again = TestConfigs.Build(TestConfigs.LoadRealConfig()).Snapshot!.UpdateSequence;
        var changed = TestConfigs.LoadRealConfig();
        changed.Layers[0].Title = "Communes (renamed)";

        Assert.Equal(first, again);
        Assert.NotEqual(first, TestConfigs.Build(changed).Snapshot!.UpdateSequence);
        Assert.True(ulong.TryParse(first, out _));
    }
}
