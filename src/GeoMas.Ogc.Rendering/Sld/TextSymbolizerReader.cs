using System.Xml.Linq;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>Reads a TextSymbolizer: label expression, font, placement, halo, fill, GeoServer Priority and VendorOptions.</summary>
internal sealed class TextSymbolizerReader(SldContext context, GraphicReader graphics, SldExpressionReader expressions)
{
    public TextSymbolizer Read(XElement element)
    {
        var label = SldContext.Child(element, "Label") ?? throw context.Error(element, "<TextSymbolizer> needs a <Label>.");
        var vendorOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in SldContext.Children(element, "VendorOption"))
        {
            var name = option.Attribute("name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
                throw context.Error(option, "<VendorOption> needs a name attribute.");
            vendorOptions[name] = option.Value.Trim();
        }

        return new TextSymbolizer
        {
            Label = expressions.ReadMixed(label),
            Font = SldContext.Child(element, "Font") is { } font ? ReadFont(font) : new Font(),
            Placement = SldContext.Child(element, "LabelPlacement") is { } placement ? ReadPlacement(placement) : new PointPlacement(),
            Halo = SldContext.Child(element, "Halo") is { } halo ? ReadHalo(halo) : null,
            // SE 1.1 §11.4.1: text is black unless a Fill says otherwise.
            Fill = SldContext.Child(element, "Fill") is { } fill ? graphics.ReadFill(fill, RgbaColor.Black) : new Fill(RgbaColor.Black),
            Priority = SldContext.Child(element, "Priority") is { } priority ? expressions.ReadMixed(priority) : null,
            VendorOptions = vendorOptions,
        };
    }

    private Font ReadFont(XElement element)
    {
        var parameters = SvgParameters.Read(element, context);
        var families = parameters.All("font-family")
            .SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => f.Trim('"', '\''))
            .ToArray();
        var size = parameters.Double("font-size") ?? 10;
        if (size <= 0)
            throw context.Error(element, $"font-size must be positive ({size}).");
        return new Font
        {
            Families = families.Length > 0 ? families : new Font().Families,
            Style = parameters.Keyword("font-style", s => s switch
            {
                "normal" => FontStyle.Normal,
                "italic" => FontStyle.Italic,
                "oblique" => FontStyle.Oblique,
                _ => (FontStyle?)null,
            }) ?? FontStyle.Normal,
            Weight = parameters.Keyword("font-weight", s => s switch
            {
                "normal" or "400" => FontWeight.Normal,
                "bold" or "700" => FontWeight.Bold,
                _ => (FontWeight?)null,
            }) ?? FontWeight.Normal,
            Size = size,
        };
    }

    private LabelPlacement ReadPlacement(XElement element)
    {
        if (SldContext.Child(element, "LinePlacement") is { } line)
        {
            return new LinePlacement
            {
                PerpendicularOffset = context.ChildDouble(line, "PerpendicularOffset") ?? 0,
                IsRepeated = ChildBoolean(line, "IsRepeated") ?? false,
                InitialGap = context.ChildDouble(line, "InitialGap") ?? 0,
                Gap = context.ChildDouble(line, "Gap") ?? 0,
                IsAligned = ChildBoolean(line, "IsAligned") ?? true,
            };
        }
        if (SldContext.Child(element, "PointPlacement") is { } point)
        {
            var anchor = SldContext.Child(point, "AnchorPoint") is { } a
                ? context.ParsePair(a, "AnchorPointX", "AnchorPointY", 0.5, 0.5)
                : (0.5, 0.5);
            var displacement = SldContext.Child(point, "Displacement") is { } d
                ? context.ParsePair(d, "DisplacementX", "DisplacementY", 0, 0)
                : (0.0, 0.0);
            return new PointPlacement
            {
                AnchorX = anchor.Item1,
                AnchorY = anchor.Item2,
                DisplacementX = displacement.Item1,
                DisplacementY = displacement.Item2,
                Rotation = context.ChildDouble(point, "Rotation") ?? 0,
            };
        }
        throw context.Error(element, "<LabelPlacement> needs a <PointPlacement> or a <LinePlacement>.");
    }

    private bool? ChildBoolean(XElement parent, string name) =>
        SldContext.Child(parent, name) is { } child ? context.ParseBoolean(child, context.ConstantText(child)) : null;

    private Halo ReadHalo(XElement element)
    {
        var radius = context.ChildDouble(element, "Radius") ?? 1.0; // SE 1.1 §11.4.5: 1 pixel
        if (radius < 0)
            throw context.Error(element, $"Halo radius must not be negative ({radius}).");
        // SE 1.1: the default halo fill is solid white.
        var fill = SldContext.Child(element, "Fill") is { } f ? graphics.ReadFill(f, RgbaColor.White) : new Fill(RgbaColor.White);
        return new Halo(radius, fill);
    }
}
