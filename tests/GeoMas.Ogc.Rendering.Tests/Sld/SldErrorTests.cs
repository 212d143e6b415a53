using GeoMas.Ogc.Rendering.Sld;
using static GeoMas.Ogc.Rendering.Tests.Sld.SldSamples;

namespace GeoMas.Ogc.Rendering.Tests.Sld;

/// <summary>Broken or hostile documents fail with a located <see cref="StyleParseException"/>.</summary>
public sealed class SldErrorTests
{
    private static StyleParseException Fails(string xml) => Assert.Throws<StyleParseException>(() => Parse(xml));

    /// <summary>A rule whose symbolizer sits on line 4 of the document.</summary>
    private static string OnLine4(string symbolizer) =>
        Sld10Open.TrimEnd() + "\n" +                              // lines 1-3
        "<UserStyle><Name>s</Name><FeatureTypeStyle><Rule>\n" +  // line 4 is the next one
        symbolizer + "\n" +
        "</Rule></FeatureTypeStyle></UserStyle>" + Sld10Close;

    [Theory]
    [InlineData("<PolygonSymbolizer><Fill><CssParameter name=\"fill\">red</CssParameter></Fill></PolygonSymbolizer>", "red")]
    [InlineData("<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#12345</CssParameter></Fill></PolygonSymbolizer>", "#12345")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-width\">wide</CssParameter></Stroke></LineSymbolizer>", "wide")]
    [InlineData("<PointSymbolizer><Graphic><Size>big</Size></Graphic></PointSymbolizer>", "big")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-linejoin\">curly</CssParameter></Stroke></LineSymbolizer>", "curly")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-opacity\">2</CssParameter></Stroke></LineSymbolizer>", "stroke-opacity")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-dasharray\">4 x</CssParameter></Stroke></LineSymbolizer>", "'x'")]
    [InlineData("<LineSymbolizer uom=\"http://example.com/furlong\"/>", "furlong")]
    [InlineData("<TextSymbolizer><Font><CssParameter name=\"font-size\">ten</CssParameter></Font><Label>x</Label></TextSymbolizer>", "ten")]
    [InlineData("<LineSymbolizer><Stroke><CssParameter name=\"stroke-width\"><ogc:PropertyName>largeur</ogc:PropertyName></CssParameter></Stroke></LineSymbolizer>", "PropertyName")]
    public void MalformedValuesReportTheirLine(string symbolizer, string mentioned)
    {
        var e = Fails(OnLine4(symbolizer));
        Assert.Equal(5, e.LineNumber);
        Assert.Contains(mentioned, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith("<inline SLD>(5): ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXmlReportsItsLine()
    {
        var e = Fails("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\">\n<NamedLayer>\n<UserStyle>\n</NamedLayer>\n</StyledLayerDescriptor>");
        Assert.Equal(4, e.LineNumber);
    }

    [Fact]
    public void ErrorsInAFileNameTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.sld");
        File.WriteAllText(path, OnLine4("<PointSymbolizer><Graphic><Opacity>half</Opacity></Graphic></PointSymbolizer>"));
        try
        {
            var e = Assert.Throws<StyleParseException>(() => new SldStyleReader().Read(path));
            Assert.Equal(path, e.FilePath);
            Assert.StartsWith(path + "(5): ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<ogc:PropertyIsSimilarTo><ogc:PropertyName>a</ogc:PropertyName><ogc:Literal>b</ogc:Literal></ogc:PropertyIsSimilarTo>", "PropertyIsSimilarTo")]
    [InlineData("<ogc:PropertyIsEqualTo><ogc:PropertyName>a</ogc:PropertyName></ogc:PropertyIsEqualTo>", "2 operand")]
    [InlineData("<ogc:PropertyIsEqualTo><ogc:Function name=\"geometryType\"><ogc:PropertyName>geom</ogc:PropertyName></ogc:Function><ogc:Literal>Point</ogc:Literal></ogc:PropertyIsEqualTo>", "geometryType")]
    [InlineData("<ogc:PropertyIsLike wildCard=\"**\" singleChar=\"?\" escape=\"!\"><ogc:PropertyName>a</ogc:PropertyName><ogc:Literal>x</ogc:Literal></ogc:PropertyIsLike>", "wildCard")]
    [InlineData("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Envelope srsName=\"EPSG:xyz\"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></ogc:BBOX>", "EPSG:xyz")]
    [InlineData("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></ogc:Intersects>", "closed")]
    public void BadFiltersAreErrorsNotSilentlyDropped(string filter, string mentioned)
    {
        var e = Fails(OnLine4($"<ogc:Filter>{filter}</ogc:Filter><LineSymbolizer/>"));
        Assert.Equal(5, e.LineNumber);
        Assert.Contains(mentioned, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StructuralMistakesAreReported()
    {
        Assert.Contains("StyledLayerDescriptor", Fails("<UserStyle xmlns=\"http://www.opengis.net/sld\"/>").Reason, StringComparison.Ordinal);
        Assert.Contains("no <UserStyle>", Fails(Sld10Open + Sld10Close).Reason, StringComparison.Ordinal);
        Assert.Contains("needs a <Name>", Fails(Sld10Open + "<UserStyle><FeatureTypeStyle><Rule/></FeatureTypeStyle></UserStyle>" + Sld10Close).Reason, StringComparison.Ordinal);
        Assert.Contains("MinScaleDenominator", Fails(Sld10Rule("<MinScaleDenominator>5000</MinScaleDenominator><MaxScaleDenominator>1000</MaxScaleDenominator>")).Reason, StringComparison.Ordinal);
        Assert.Contains("ElseFilter", Fails(Sld10Rule("<ogc:Filter><ogc:FeatureId fid=\"a\"/></ogc:Filter><ElseFilter/>")).Reason, StringComparison.Ordinal);
        Assert.Contains("Label", Fails(Sld10Rule("<TextSymbolizer/>")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DoctypeIsRefused()
    {
        var e = Fails("<?xml version=\"1.0\"?>\n<!DOCTYPE StyledLayerDescriptor [ <!ENTITY x \"y\"> ]>\n" + Sld10Rule("<LineSymbolizer/>"));
        // XmlReader gives no position for a prohibited DTD, so only the reason is asserted.
        Assert.Contains("DTD is prohibited", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEntityIsNeverResolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "#FF0000");
        try
        {
            var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE sld [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]>\n" +
                Sld10Rule("<PolygonSymbolizer><Fill><CssParameter name=\"fill\">&xxe;</CssParameter></Fill></PolygonSymbolizer>");
            var e = Fails(xml);
            Assert.DoesNotContain("#FF0000", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
