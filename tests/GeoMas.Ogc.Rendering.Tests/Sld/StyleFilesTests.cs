using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Sld;

namespace GeoMas.Ogc.Rendering.Tests.Sld;

/// <summary>The shipped styles/*.sld: all parse, and the cartographic choices the layers rely on are really in them.</summary>
public sealed class StyleFilesTests
{
    private static readonly SldStyleReader Reader = new();

    public static TheoryData<string> StyleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.StylesDirectory, "*.sld").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void EveryDemoLayerHasAStyleFile()
    {
        string[] layers = ["communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "ortho"];
        foreach (var layer in layers)
            Assert.True(File.Exists(RepositoryPaths.Style(layer + ".sld")), $"styles/{layer}.sld is missing");
    }

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void StyleFileParsesWithADefaultStyleFirst(string fileName)
    {
        var styles = Reader.Read(RepositoryPaths.Style(fileName));

        Assert.NotEmpty(styles);
        Assert.Equal("default", styles[0].Name);
        Assert.True(styles[0].IsDefault);
        Assert.Single(styles, s => s.IsDefault);
        Assert.Equal(styles.Count, styles.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(styles, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
        Assert.All(styles.SelectMany(s => s.AllRules), r => Assert.NotEmpty(r.Symbolizers));
    }

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void EveryFilterAndLabelOfAStyleFileCompilesAgainstTheLayerAttributes(string fileName)
    {
        string[] attributes =
        [
            "insee", "nom", "dep", "epci", "epci_nom", "population", "id", "commune", "section", "numero", "contenance",
            "parcelle", "type", "hauteur", "classe", "largeur", "libelle", "libelong", "typezone", "destdomi",
            "difficulte", "duree_h", "longueur_m",
        ];
        foreach (var rule in Reader.Read(RepositoryPaths.Style(fileName)).SelectMany(s => s.AllRules))
        {
            if (rule.Filter is { } filter)
                Assert.NotNull(FilterEvaluator.Compile(filter, attributes));
            foreach (var text in rule.Symbolizers.OfType<TextSymbolizer>())
                Assert.NotNull(FilterEvaluator.CompileLabel(text.Label, attributes));
        }
    }

    [Fact]
    public void PluZonesUseTheCnigColoursByTypezoneWithSemiTransparentFills()
    {
        var style = Reader.Read(RepositoryPaths.Style("plu_zones.sld"))[0];
        var fills = style.FeatureTypeStyles[0].Rules.ToDictionary(
            r => ((Literal)((Comparison)r.Filter!).Right).Value as string ?? "",
            r => r.Symbolizers.OfType<PolygonSymbolizer>().Single().Fill!);

        Assert.Equal(new RgbaColor(0xE6, 0x00, 0x4D), fills["U"].Color);
        Assert.Equal(new RgbaColor(0xFF, 0x66, 0x00), fills["AUc"].Color);
        Assert.Equal(new RgbaColor(0xFF, 0xFF, 0x00), fills["A"].Color);
        Assert.Equal(new RgbaColor(0x56, 0xAA, 0x02), fills["N"].Color);
        Assert.Contains("AUs", fills.Keys);
        Assert.All(fills.Values, f => Assert.InRange(f.Opacity, 0.2, 0.6));
        var label = style.FeatureTypeStyles[1].Rules[0].Symbolizers.OfType<TextSymbolizer>().Single();
        Assert.Equal(new PropertyName("libelle"), label.Label);
    }

    [Fact]
    public void ParcelNumbersAppearOnlyAtLargeScales()
    {
        var style = Reader.Read(RepositoryPaths.Style("parcelles.sld"))[0];
        var numberRule = style.AllRules.Single(r => r.Symbolizers.OfType<TextSymbolizer>().Any());

        Assert.Equal(new PropertyName("numero"), numberRule.Symbolizers.OfType<TextSymbolizer>().Single().Label);
        Assert.True(numberRule.AppliesAtScale(1500));
        Assert.False(numberRule.AppliesAtScale(3000));
        Assert.DoesNotContain(style.AllRules, r => r.AppliesAtScale(100_000));
    }

    [Fact]
    public void RoadsDrawCasingsBeforeFillsAndWidenWithScale()
    {
        var style = Reader.Read(RepositoryPaths.Style("routes.sld"))[0];
        Assert.Equal(["bords", "chaussees", "noms"], style.FeatureTypeStyles.Select(f => f.Name));

        double FillWidth(string classe, double scale) => style.FeatureTypeStyles[1].Rules
            .Where(r => r.AppliesAtScale(scale) && r.Filter is Comparison { Right: Literal { Value: string v } } && v == classe)
            .SelectMany(r => r.Symbolizers.OfType<LineSymbolizer>())
            .Single().Stroke.Width;

        Assert.True(FillWidth("nationale", 20_000) > FillWidth("nationale", 100_000));
        Assert.True(FillWidth("nationale", 8_000) > FillWidth("nationale", 20_000));
        Assert.True(FillWidth("autoroute", 20_000) > FillWidth("departementale", 20_000));
        var streetBand = style.FeatureTypeStyles[1].Rules.Where(r => r.AppliesAtScale(2_000)).SelectMany(r => r.Symbolizers);
        Assert.All(streetBand, s => Assert.Equal(UnitOfMeasure.Metre, s.Uom));

        var chemin = style.FeatureTypeStyles[1].Rules.First(r => r.Name.StartsWith("chemin", StringComparison.Ordinal));
        Assert.NotNull(chemin.Symbolizers.OfType<LineSymbolizer>().Single().Stroke.DashArray);

        var labels = style.FeatureTypeStyles[2].Rules.SelectMany(r => r.Symbolizers).OfType<TextSymbolizer>().ToArray();
        Assert.All(labels, l => Assert.IsType<LinePlacement>(l.Placement));
        Assert.All(labels, l => Assert.Equal("true", l.VendorOptions["followLine"]));
        Assert.All(labels, l => Assert.Equal(new PropertyName("largeur"), l.Priority));
    }

    [Fact]
    public void CommuneNamesHaveAHaloAndArePrioritisedByPopulation()
    {
        var styles = Reader.Read(RepositoryPaths.Style("communes.sld"));
        var labels = styles[0].AllRules.SelectMany(r => r.Symbolizers).OfType<TextSymbolizer>().ToArray();

        Assert.Equal(3, labels.Length);
        Assert.All(labels, l => Assert.Equal(new PropertyName("nom"), l.Label));
        Assert.All(labels, l => Assert.Equal(new PropertyName("population"), l.Priority));
        Assert.All(labels, l => Assert.Equal(RgbaColor.White, l.Halo!.Fill.Color));
        Assert.All(labels, l => Assert.Equal("40", l.VendorOptions["maxDisplacement"]));
        var cityRule = styles[0].AllRules.First(r => r.Name == "nom_ville");
        Assert.Null(cityRule.MaxScaleDenominator);
        Assert.Equal(FontWeight.Bold, cityRule.Symbolizers.OfType<TextSymbolizer>().Single().Font.Weight);

        var epci = styles.Single(s => s.Name == "communes_epci");
        Assert.Equal(17, epci.FeatureTypeStyles[0].Rules.Count);
    }

    [Fact]
    public void TrailsAreDashedInTheDifficultyColours()
    {
        var style = Reader.Read(RepositoryPaths.Style("sentiers.sld"))[0];
        var colours = style.FeatureTypeStyles[0].Rules
            .Where(r => r.MaxScaleDenominator is not null)
            .ToDictionary(
                r => ((Literal)((Comparison)r.Filter!).Right).Value as string ?? "",
                r => r.Symbolizers.OfType<LineSymbolizer>().Last().Stroke);

        Assert.Equal(["1", "2", "3", "4"], colours.Keys.Order(StringComparer.Ordinal));
        Assert.All(colours.Values, s => Assert.NotNull(s.DashArray));
        Assert.True(colours["1"].Color.G > colours["1"].Color.R);  // green
        Assert.True(colours["2"].Color.B > colours["2"].Color.R);  // blue
        Assert.True(colours["3"].Color.R > colours["3"].Color.G);  // red
        Assert.True(colours["4"].Color.R < 0x40);                   // black
    }

    [Fact]
    public void OrthoIsARasterSymbolizerAtFullOpacity()
    {
        var styles = Reader.Read(RepositoryPaths.Style("ortho.sld"));
        Assert.Equal(1.0, styles[0].AllRules.Single().Symbolizers.OfType<RasterSymbolizer>().Single().Opacity);
    }
}
