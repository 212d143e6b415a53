using System.Xml.Linq;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>Reads the SE building blocks shared by symbolizers: Fill, Stroke and Graphic (Mark / ExternalGraphic).</summary>
internal sealed class GraphicReader(SldContext context)
{
    private static readonly RgbaColor DefaultFillColor = new(0x80, 0x80, 0x80); // SE 1.1 §11.2.2: grey

    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Reads a Fill; <paramref name="defaultColor"/> applies when it names no colour (grey for polygons and marks).</summary>
    public Fill ReadFill(XElement element, RgbaColor? defaultColor = null)
    {
        var parameters = SvgParameters.Read(element, context);
        var graphicFill = SldContext.Child(element, "GraphicFill") is { } gf ? ReadGraphicContainer(gf) : null;
        return new Fill(
            parameters.Color("fill") ?? defaultColor ?? DefaultFillColor,
            parameters.Opacity("fill-opacity") ?? 1.0,
            graphicFill);
    }

    public Stroke ReadStroke(XElement element)
    {
        var parameters = SvgParameters.Read(element, context);
        var width = parameters.Double("stroke-width") ?? 1.0;
        if (width < 0)
            throw context.Error(element, $"stroke-width must not be negative ({width}).");
        var stroke = new Stroke
        {
            Color = parameters.Color("stroke") ?? RgbaColor.Black,
            Width = width,
            Opacity = parameters.Opacity("stroke-opacity") ?? 1.0,
            LineJoin = parameters.Keyword("stroke-linejoin", ParseLineJoin) ?? LineJoin.Round,
            LineCap = parameters.Keyword("stroke-linecap", ParseLineCap) ?? LineCap.Butt,
            DashArray = parameters.Numbers("stroke-dasharray"),
            DashOffset = parameters.Double("stroke-dashoffset") ?? 0,
            GraphicStroke = SldContext.Child(element, "GraphicStroke") is { } gs ? ReadGraphicContainer(gs) : null,
        };
        return stroke;
    }

    /// <summary>GraphicFill / GraphicStroke wrap exactly one Graphic.</summary>
    private Graphic ReadGraphicContainer(XElement container) =>
        SldContext.Child(container, "Graphic") is { } graphic
            ? ReadGraphic(graphic)
            : throw context.Error(container, $"<{container.Name.LocalName}> needs a <Graphic>.");

    public Graphic ReadGraphic(XElement element)
    {
        var symbols = new List<GraphicSymbol>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Mark":
                    symbols.Add(ReadMark(child));
                    break;
                case "ExternalGraphic":
                    symbols.Add(ReadExternalGraphic(child));
                    break;
            }
        }
        if (symbols.Count == 0)
            symbols.Add(DefaultMark()); // SE 1.1 §11.3.2: a Graphic without symbol is a grey square.

        var opacity = context.ChildDouble(element, "Opacity") ?? 1.0;
        if (opacity is < 0 or > 1)
            throw context.Error(SldContext.Child(element, "Opacity"), $"Opacity must be between 0 and 1, not {opacity}.");
        var size = context.ChildDouble(element, "Size");
        if (size is < 0)
            throw context.Error(SldContext.Child(element, "Size"), $"Size must not be negative ({size}).");
        var anchor = SldContext.Child(element, "AnchorPoint") is { } a
            ? context.ParsePair(a, "AnchorPointX", "AnchorPointY", 0.5, 0.5)
            : (0.5, 0.5);
        var displacement = SldContext.Child(element, "Displacement") is { } d
            ? context.ParsePair(d, "DisplacementX", "DisplacementY", 0, 0)
            : (0.0, 0.0);
        return new Graphic
        {
            Symbols = symbols,
            Opacity = opacity,
            Size = size,
            Rotation = context.ChildDouble(element, "Rotation") ?? 0,
            AnchorX = anchor.Item1,
            AnchorY = anchor.Item2,
            DisplacementX = displacement.Item1,
            DisplacementY = displacement.Item2,
        };
    }

    private Mark ReadMark(XElement element)
    {
        var name = context.ChildText(element, "WellKnownName") is { Length: > 0 } n ? n : "square";
        var fillElement = SldContext.Child(element, "Fill");
        var strokeElement = SldContext.Child(element, "Stroke");
        if (fillElement is null && strokeElement is null)
            return DefaultMark() with { WellKnownName = name };
        return new Mark(
            name,
            fillElement is null ? null : ReadFill(fillElement),
            strokeElement is null ? null : ReadStroke(strokeElement));
    }

    private static Mark DefaultMark() => new("square", new Fill(DefaultFillColor), new Stroke());

    private ExternalGraphic ReadExternalGraphic(XElement element)
    {
        var resource = SldContext.Child(element, "OnlineResource")
            ?? throw context.Error(element, "<ExternalGraphic> needs an <OnlineResource> (inline content is not supported).");
        var href = resource.Attribute(XLink + "href")?.Value.Trim();
        if (string.IsNullOrEmpty(href))
            throw context.Error(resource, "<OnlineResource> needs an xlink:href.");
        var format = context.ChildText(element, "Format");
        if (string.IsNullOrEmpty(format))
            throw context.Error(element, "<ExternalGraphic> needs a <Format> (image/png, image/svg+xml).");
        return new ExternalGraphic(ResolveHref(resource, href), format);
    }

    /// <summary>
    /// Symbols are local files: a relative href is resolved against the style's folder, and (because SLD_BODY
    /// documents come from clients) it must not escape that folder nor name a remote URL the renderer would fetch.
    /// </summary>
    private string ResolveHref(XElement at, string href)
    {
        string path;
        if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
        {
            if (!uri.IsFile)
                throw context.Error(at, $"External graphic '{href}' is not a local file; only files under the style folder are allowed.");
            path = Path.GetFullPath(uri.LocalPath);
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(context.BaseDirectory, Uri.UnescapeDataString(href)));
        }

        var root = context.BaseDirectory.EndsWith(Path.DirectorySeparatorChar) ? context.BaseDirectory : context.BaseDirectory + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
            throw context.Error(at, $"External graphic '{href}' is outside the style folder.");
        if (!File.Exists(path))
            throw context.Error(at, $"External graphic '{href}' not found ({path}).");
        return path;
    }

    private static LineJoin? ParseLineJoin(string s) => s switch
    {
        "mitre" or "miter" => LineJoin.Miter,
        "round" => LineJoin.Round,
        "bevel" => LineJoin.Bevel,
        _ => null,
    };

    private static LineCap? ParseLineCap(string s) => s switch
    {
        "butt" => LineCap.Butt,
        "round" => LineCap.Round,
        "square" => LineCap.Square,
        _ => null,
    };
}
