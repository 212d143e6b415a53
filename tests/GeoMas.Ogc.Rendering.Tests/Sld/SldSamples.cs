using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Sld;

namespace GeoMas.Ogc.Rendering.Tests.Sld;

/// <summary>Wraps SLD fragments into whole documents and parses them.</summary>
internal static class SldSamples
{
    public const string Sld10Open = """
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
            xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
          <NamedLayer><Name>layer</Name>
        """;

    public const string Sld10Close = "</NamedLayer></StyledLayerDescriptor>";

    /// <summary>An SLD 1.0 document with one style holding one rule with the given content.</summary>
    public static string Sld10Rule(string ruleContent) =>
        Sld10Open + "<UserStyle><Name>s</Name><FeatureTypeStyle><Rule>" + ruleContent + "</Rule></FeatureTypeStyle></UserStyle>" + Sld10Close;

    public static IReadOnlyList<Style> Parse(string xml, string? baseDirectory = null) =>
        new SldStyleReader().Parse(new StringReader(xml), baseDirectory ?? Path.GetTempPath());

    public static Rule ParseRule(string ruleContent, string? baseDirectory = null) =>
        Parse(Sld10Rule(ruleContent), baseDirectory)[0].FeatureTypeStyles[0].Rules[0];

    public static T ParseSymbolizer<T>(string symbolizerXml, string? baseDirectory = null) where T : Symbolizer =>
        Assert.IsType<T>(Assert.Single(ParseRule(symbolizerXml, baseDirectory).Symbolizers));
}
