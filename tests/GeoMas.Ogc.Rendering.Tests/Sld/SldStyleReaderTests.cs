using System.Text;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Sld;
using static GeoMas.Ogc.Rendering.Tests.Sld.SldSamples;

namespace GeoMas.Ogc.Rendering.Tests.Sld;

public sealed class SldStyleReaderTests
{
    [Fact]
    public void ReadsAnSld10DocumentIntoTheStyleModel()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer>
                <Name>communes</Name>
                <UserStyle>
                  <Name>first</Name>
                  <Title>First style</Title>
                  <Abstract>About it</Abstract>
                  <FeatureTypeStyle>
                    <Name>fills</Name>
                    <Rule>
                      <Name>big</Name>
                      <Title>Big towns</Title>
                      <Abstract>More than 10k</Abstract>
                      <ogc:Filter>
                        <ogc:PropertyIsGreaterThan>
                          <ogc:PropertyName>population</ogc:PropertyName>
                          <ogc:Literal>10000</ogc:Literal>
                        </ogc:PropertyIsGreaterThan>
                      </ogc:Filter>
                      <MinScaleDenominator>1000</MinScaleDenominator>
                      <MaxScaleDenominator>50000</MaxScaleDenominator>
                      <PolygonSymbolizer>
                        <Fill>
                          <CssParameter name="fill">#FF8000</CssParameter>
                          <CssParameter name="fill-opacity">0.5</CssParameter>
                        </Fill>
                        <Stroke>
                          <CssParameter name="stroke">#000080</CssParameter>
                          <CssParameter name="stroke-width">2.5</CssParameter>
                          <CssParameter name="stroke-opacity">0.75</CssParameter>
                          <CssParameter name="stroke-linejoin">bevel</CssParameter>
                          <CssParameter name="stroke-linecap">square</CssParameter>
                          <CssParameter name="stroke-dasharray">5 2.5</CssParameter>
                          <CssParameter name="stroke-dashoffset">1</CssParameter>
                        </Stroke>
                      </PolygonSymbolizer>
                    </Rule>
                    <Rule>
                      <ElseFilter/>
                      <LineSymbolizer><Stroke/></LineSymbolizer>
                    </Rule>
                  </FeatureTypeStyle>
                </UserStyle>
                <UserStyle>
                  <Name>second</Name>
                  <IsDefault>true</IsDefault>
                  <FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;

        var styles = Parse(xml);

        Assert.Equal(["first", "second"], styles.Select(s => s.Name));
        Assert.False(styles[0].IsDefault);
        Assert.True(styles[1].IsDefault);
        Assert.Equal("second", styles[1].Title); // title defaults to the name
        var first = styles[0];
        Assert.Equal(("First style", "About it"), (first.Title, first.Abstract));
        Assert.Equal("fills", first.FeatureTypeStyles[0].Name);
        var rule = first.FeatureTypeStyles[0].Rules[0];
        Assert.Equal(("big", "Big towns", "More than 10k"), (rule.Name, rule.Title, rule.Abstract));
        Assert.Equal((1000.0, 50000.0), (rule.MinScaleDenominator, rule.MaxScaleDenominator));
        Assert.Equal(
            new Comparison(ComparisonOperator.GreaterThan, new PropertyName("population"), new Literal("10000")),
            rule.Filter);
        var polygon = Assert.IsType<PolygonSymbolizer>(Assert.Single(rule.Symbolizers));
        Assert.Equal(new Fill(new RgbaColor(255, 128, 0), 0.5), polygon.Fill);
        var stroke = polygon.Stroke!;
        Assert.Equal(new RgbaColor(0, 0, 128), stroke.Color);
        Assert.Equal((2.5, 0.75, LineJoin.Bevel, LineCap.Square, 1.0), (stroke.Width, stroke.Opacity, stroke.LineJoin, stroke.LineCap, stroke.DashOffset));
        Assert.Equal([5.0, 2.5], stroke.DashArray!);
        Assert.Equal(UnitOfMeasure.Pixel, polygon.Uom);

        var elseRule = first.FeatureTypeStyles[0].Rules[1];
        Assert.True(elseRule.IsElseFilter);
        Assert.Null(elseRule.Filter);
        var line = Assert.IsType<LineSymbolizer>(Assert.Single(elseRule.Symbolizers));
        Assert.Equal((RgbaColor.Black, 1.0), (line.Stroke.Color, line.Stroke.Width));
    }

    [Fact]
    public void ReadsAnSe11DocumentWithDescriptionsSvgParametersAndUom()
    {
        const string xml = """
            <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
                xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer>
                <se:Name>routes</se:Name>
                <UserStyle>
                  <se:Name>roads</se:Name>
                  <se:Description><se:Title>Roads</se:Title><se:Abstract>By class</se:Abstract></se:Description>
                  <IsDefault>1</IsDefault>
                  <se:FeatureTypeStyle>
                    <se:Rule>
                      <se:Name>n</se:Name>
                      <se:Description><se:Title>National</se:Title></se:Description>
                      <ogc:Filter>
                        <ogc:PropertyIsEqualTo matchCase="false">
                          <ogc:PropertyName>classe</ogc:PropertyName>
                          <ogc:Literal>Nationale</ogc:Literal>
                        </ogc:PropertyIsEqualTo>
                      </ogc:Filter>
                      <se:MaxScaleDenominator>5000</se:MaxScaleDenominator>
                      <se:LineSymbolizer uom="http://www.opengeospatial.org/se/units/metre">
                        <se:Geometry><ogc:PropertyName>geom</ogc:PropertyName></se:Geometry>
                        <se:Stroke>
                          <se:SvgParameter name="stroke">#F7A27F</se:SvgParameter>
                          <se:SvgParameter name="stroke-width">11</se:SvgParameter>
                          <se:SvgParameter name="stroke-linejoin">mitre</se:SvgParameter>
                          <se:SvgParameter name="stroke-linecap">round</se:SvgParameter>
                        </se:Stroke>
                        <se:PerpendicularOffset>3</se:PerpendicularOffset>
                      </se:LineSymbolizer>
                    </se:Rule>
                  </se:FeatureTypeStyle>
                  <se:CoverageStyle>
                    <se:Rule><se:RasterSymbolizer><se:Opacity>0.4</se:Opacity></se:RasterSymbolizer></se:Rule>
                  </se:CoverageStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;

        var style = Assert.Single(Parse(xml));

        Assert.Equal(("roads", "Roads", "By class", true), (style.Name, style.Title, style.Abstract, style.IsDefault));
        var rule = style.FeatureTypeStyles[0].Rules[0];
        Assert.Equal(("n", "National", 5000.0), (rule.Name, rule.Title, rule.MaxScaleDenominator));
        Assert.Null(rule.MinScaleDenominator);
        Assert.False(Assert.IsType<Comparison>(rule.Filter).MatchCase);
        var line = Assert.IsType<LineSymbolizer>(Assert.Single(rule.Symbolizers));
        Assert.Equal(UnitOfMeasure.Metre, line.Uom);
        Assert.Equal("geom", line.GeometryProperty);
        Assert.Equal(3, line.PerpendicularOffset);
        Assert.Equal((new RgbaColor(0xF7, 0xA2, 0x7F), 11.0, LineJoin.Miter, LineCap.Round),
            (line.Stroke.Color, line.Stroke.Width, line.Stroke.LineJoin, line.Stroke.LineCap));
        var raster = Assert.IsType<RasterSymbolizer>(Assert.Single(style.FeatureTypeStyles[1].Rules[0].Symbolizers));
        Assert.Equal(0.4, raster.Opacity);
    }

    [Theory]
    [InlineData("http://www.opengeospatial.org/se/units/pixel", UnitOfMeasure.Pixel)]
    [InlineData("http://www.opengeospatial.org/se/units/metre", UnitOfMeasure.Metre)]
    [InlineData("http://www.opengeospatial.org/se/units/foot", UnitOfMeasure.Foot)]
    public void UomAttributeSelectsTheUnit(string uom, UnitOfMeasure expected) =>
        Assert.Equal(expected, ParseSymbolizer<LineSymbolizer>($"""<LineSymbolizer uom="{uom}"/>""").Uom);

    [Fact]
    public void PointSymbolizerReadsMarkAndGraphicPlacement()
    {
        var point = ParseSymbolizer<PointSymbolizer>("""
            <PointSymbolizer>
              <Graphic>
                <Mark>
                  <WellKnownName>triangle</WellKnownName>
                  <Fill><CssParameter name="fill">#00FF00</CssParameter></Fill>
                  <Stroke><CssParameter name="stroke">#003300</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
                </Mark>
                <Opacity>0.8</Opacity>
                <Size><ogc:Literal>12</ogc:Literal></Size>
                <Rotation>45</Rotation>
                <AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0</AnchorPointY></AnchorPoint>
                <Displacement><DisplacementX>2</DisplacementX><DisplacementY>-3</DisplacementY></Displacement>
              </Graphic>
            </PointSymbolizer>
            """);

        var graphic = point.Graphic;
        var mark = Assert.IsType<Mark>(Assert.Single(graphic.Symbols));
        Assert.Equal("triangle", mark.WellKnownName);
        Assert.Equal(new RgbaColor(0, 255, 0), mark.Fill!.Color);
        Assert.Equal((new RgbaColor(0, 0x33, 0), 0.5), (mark.Stroke!.Color, mark.Stroke.Width));
        Assert.Equal((0.8, 12.0, 45.0), (graphic.Opacity, graphic.Size, graphic.Rotation));
        Assert.Equal((0.5, 0.0, 2.0, -3.0), (graphic.AnchorX, graphic.AnchorY, graphic.DisplacementX, graphic.DisplacementY));
    }

    [Fact]
    public void MarkWithoutFillAndStrokeGetsTheSeDefaults()
    {
        var point = ParseSymbolizer<PointSymbolizer>("<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark></Graphic></PointSymbolizer>");
        var mark = Assert.IsType<Mark>(Assert.Single(point.Graphic.Symbols));
        Assert.Equal(("circle", new RgbaColor(0x80, 0x80, 0x80), RgbaColor.Black), (mark.WellKnownName, mark.Fill!.Color, mark.Stroke!.Color));
        Assert.Null(point.Graphic.Size);
    }

    [Fact]
    public void ExternalGraphicResolvesAgainstTheStyleFolder()
    {
        var dir = Directory.CreateTempSubdirectory("sld-symbols-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "symbols"));
            var svg = Path.Combine(dir.FullName, "symbols", "depart.svg");
            File.WriteAllText(svg, "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>");
            var sld = Sld10Rule("""
                <PointSymbolizer><Graphic>
                  <ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="symbols/depart.svg"/><Format>image/svg+xml</Format></ExternalGraphic>
                  <Mark><WellKnownName>circle</WellKnownName></Mark>
                  <Size>16</Size>
                </Graphic></PointSymbolizer>
                """);
            var path = Path.Combine(dir.FullName, "trails.sld");
            File.WriteAllText(path, sld);

            var point = Assert.IsType<PointSymbolizer>(new SldStyleReader().Read(path)[0].AllRules.Single().Symbolizers.Single());

            Assert.Equal(new ExternalGraphic(svg, "image/svg+xml"), point.Graphic.Symbols[0]);
            Assert.IsType<Mark>(point.Graphic.Symbols[1]); // fallback kept in order
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("/etc/passwd")]
    [InlineData("http://example.com/icon.png")]
    [InlineData("missing.png")]
    public void ExternalGraphicOutsideTheStyleFolderOrMissingIsRefused(string href)
    {
        var dir = Directory.CreateTempSubdirectory("sld-symbols-");
        try
        {
            var e = Assert.Throws<StyleParseException>(() => ParseRule(
                $"""<PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:href="{href}"/><Format>image/png</Format></ExternalGraphic></Graphic></PointSymbolizer>""",
                dir.FullName));
            Assert.Contains(href, e.Reason, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void PolygonGraphicFillAndLineGraphicStrokeAreRead()
    {
        var rule = ParseRule("""
            <PolygonSymbolizer>
              <Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://slash</WellKnownName></Mark><Size>8</Size></Graphic></GraphicFill></Fill>
            </PolygonSymbolizer>
            <LineSymbolizer>
              <Stroke><GraphicStroke><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark><Size>4</Size></Graphic></GraphicStroke></Stroke>
            </LineSymbolizer>
            """);

        var polygon = Assert.IsType<PolygonSymbolizer>(rule.Symbolizers[0]);
        Assert.Equal("shape://slash", Assert.IsType<Mark>(polygon.Fill!.GraphicFill!.Symbols.Single()).WellKnownName);
        Assert.Null(polygon.Stroke);
        var line = Assert.IsType<LineSymbolizer>(rule.Symbolizers[1]);
        Assert.Equal(4, line.Stroke.GraphicStroke!.Size);
    }

    [Fact]
    public void TextSymbolizerReadsLabelFontPlacementHaloPriorityAndVendorOptions()
    {
        var text = ParseSymbolizer<TextSymbolizer>("""
            <TextSymbolizer>
              <Label>N° <ogc:PropertyName>numero</ogc:PropertyName></Label>
              <Font>
                <CssParameter name="font-family">Noto Sans</CssParameter>
                <CssParameter name="font-family">DejaVu Sans</CssParameter>
                <CssParameter name="font-style">italic</CssParameter>
                <CssParameter name="font-weight">bold</CssParameter>
                <CssParameter name="font-size">13</CssParameter>
              </Font>
              <LabelPlacement>
                <PointPlacement>
                  <AnchorPoint><AnchorPointX>0</AnchorPointX><AnchorPointY>1</AnchorPointY></AnchorPoint>
                  <Displacement><DisplacementX>4</DisplacementX><DisplacementY>5</DisplacementY></Displacement>
                  <Rotation>-30</Rotation>
                </PointPlacement>
              </LabelPlacement>
              <Halo><Radius>2</Radius><Fill><CssParameter name="fill">#FFFFEE</CssParameter><CssParameter name="fill-opacity">0.5</CssParameter></Fill></Halo>
              <Fill><CssParameter name="fill">#333333</CssParameter></Fill>
              <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
              <VendorOption name="maxDisplacement">40</VendorOption>
              <VendorOption name="autoWrap">80</VendorOption>
            </TextSymbolizer>
            """);

        Assert.Equal(new FunctionCall("Concatenate", [new Literal("N° "), new PropertyName("numero")]), text.Label, LabelComparer.Instance);
        Assert.Equal(["Noto Sans", "DejaVu Sans"], text.Font.Families);
        Assert.Equal((FontStyle.Italic, FontWeight.Bold, 13.0), (text.Font.Style, text.Font.Weight, text.Font.Size));
        var placement = Assert.IsType<PointPlacement>(text.Placement);
        Assert.Equal((0.0, 1.0, 4.0, 5.0, -30.0), (placement.AnchorX, placement.AnchorY, placement.DisplacementX, placement.DisplacementY, placement.Rotation));
        Assert.Equal(new Halo(2, new Fill(new RgbaColor(0xFF, 0xFF, 0xEE), 0.5)), text.Halo);
        Assert.Equal(new RgbaColor(0x33, 0x33, 0x33), text.Fill.Color);
        Assert.Equal(new PropertyName("population"), text.Priority);
        Assert.Equal("40", text.VendorOptions["maxDisplacement"]);
        Assert.Equal("80", text.VendorOptions["autoWrap"]);
    }

    [Fact]
    public void TextSymbolizerDefaultsAreBlackTextWithoutHaloAtThePointCentre()
    {
        var text = ParseSymbolizer<TextSymbolizer>("<TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Halo/></TextSymbolizer>");
        Assert.Equal(new PropertyName("nom"), text.Label);
        Assert.Equal(RgbaColor.Black, text.Fill.Color);
        Assert.Equal(new Halo(1, new Fill(RgbaColor.White)), text.Halo);
        Assert.Equal(new PointPlacement(), text.Placement);
        Assert.Empty(text.VendorOptions);
    }

    [Fact]
    public void LinePlacementReadsSe11Options()
    {
        var text = ParseSymbolizer<TextSymbolizer>("""
            <TextSymbolizer>
              <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
              <LabelPlacement><LinePlacement>
                <PerpendicularOffset>6</PerpendicularOffset><IsRepeated>true</IsRepeated><InitialGap>20</InitialGap>
                <Gap>300</Gap><IsAligned>false</IsAligned>
              </LinePlacement></LabelPlacement>
            </TextSymbolizer>
            """);
        Assert.Equal(new LinePlacement { PerpendicularOffset = 6, IsRepeated = true, InitialGap = 20, Gap = 300, IsAligned = false }, text.Placement);
    }

    [Fact]
    public void LabelWithFunctionsIsReadAsAnExpressionTree()
    {
        var text = ParseSymbolizer<TextSymbolizer>("""
            <TextSymbolizer>
              <Label>
                <ogc:Function name="Concatenate">
                  <ogc:Function name="strToUpperCase"><ogc:PropertyName>section</ogc:PropertyName></ogc:Function>
                  <ogc:Literal> </ogc:Literal>
                  <ogc:PropertyName>numero</ogc:PropertyName>
                </ogc:Function>
              </Label>
            </TextSymbolizer>
            """);

        var expected = new FunctionCall("Concatenate",
        [
            new FunctionCall("strToUpperCase", [new PropertyName("section")]),
            new Literal(" "),
            new PropertyName("numero"),
        ]);
        Assert.Equal(expected, text.Label, LabelComparer.Instance);
        var label = FilterEvaluator.CompileLabel(text.Label, ["section", "numero"]);
        Assert.Equal("AB 12", label(new Core.Features.Feature("1", null, ["ab", 12])));
    }

    [Fact]
    public void UnknownElementsAreIgnored()
    {
        var rule = ParseRule("""
            <LegendGraphic><Graphic/></LegendGraphic>
            <PolygonSymbolizer>
              <Fill><CssParameter name="fill">#123456</CssParameter><CssParameter name="x-vendor-hint">1</CssParameter></Fill>
              <SomethingNew>value</SomethingNew>
            </PolygonSymbolizer>
            """);
        Assert.Equal(new RgbaColor(0x12, 0x34, 0x56), Assert.IsType<PolygonSymbolizer>(Assert.Single(rule.Symbolizers)).Fill!.Color);
    }

    [Fact]
    public void ParsesFromAStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Sld10Rule("<LineSymbolizer/>")));
        Assert.Single(new SldStyleReader().Parse(stream, Path.GetTempPath()));
    }

    /// <summary>Records holding lists compare by reference; this compares expression trees structurally.</summary>
    private sealed class LabelComparer : IEqualityComparer<Expression>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(Expression? x, Expression? y) => (x, y) switch
        {
            (FunctionCall a, FunctionCall b) => a.Name == b.Name && a.Arguments.SequenceEqual(b.Arguments, this),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(Expression obj) => 0;
    }
}
