using System.Xml.Linq;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>Reads the five SE symbolizers; TextSymbolizer details live in <see cref="TextSymbolizerReader"/>.</summary>
internal sealed class SymbolizerReader(SldContext context)
{
    private readonly GraphicReader _graphics = new(context);
    private readonly SldExpressionReader _expressions = new(context);

    public static bool IsSymbolizer(XElement element) =>
        element.Name.LocalName is "PolygonSymbolizer" or "LineSymbolizer" or "PointSymbolizer" or "TextSymbolizer" or "RasterSymbolizer";

    public Symbolizer Read(XElement element)
    {
        Symbolizer symbolizer = element.Name.LocalName switch
        {
            "PolygonSymbolizer" => ReadPolygon(element),
            "LineSymbolizer" => ReadLine(element),
            "PointSymbolizer" => ReadPoint(element),
            "TextSymbolizer" => new TextSymbolizerReader(context, _graphics, _expressions).Read(element),
            "RasterSymbolizer" => ReadRaster(element),
            _ => throw context.Error(element, $"<{element.Name.LocalName}> is not a symbolizer."),
        };
        return symbolizer with { GeometryProperty = ReadGeometryProperty(element), Uom = ReadUom(element) };
    }

    private PolygonSymbolizer ReadPolygon(XElement element)
    {
        var displacement = SldContext.Child(element, "Displacement") is { } d
            ? context.ParsePair(d, "DisplacementX", "DisplacementY", 0, 0)
            : (0.0, 0.0);
        return new PolygonSymbolizer
        {
            Fill = SldContext.Child(element, "Fill") is { } fill ? _graphics.ReadFill(fill) : null,
            Stroke = SldContext.Child(element, "Stroke") is { } stroke ? _graphics.ReadStroke(stroke) : null,
            DisplacementX = displacement.Item1,
            DisplacementY = displacement.Item2,
            PerpendicularOffset = context.ChildDouble(element, "PerpendicularOffset") ?? 0,
        };
    }

    private LineSymbolizer ReadLine(XElement element) => new()
    {
        // SE 1.1 §11.1.2: a LineSymbolizer without Stroke draws a 1 px black line.
        Stroke = SldContext.Child(element, "Stroke") is { } stroke ? _graphics.ReadStroke(stroke) : new Stroke(),
        PerpendicularOffset = context.ChildDouble(element, "PerpendicularOffset") ?? 0,
    };

    private PointSymbolizer ReadPoint(XElement element) => new()
    {
        Graphic = SldContext.Child(element, "Graphic") is { } graphic
            ? _graphics.ReadGraphic(graphic)
            : throw context.Error(element, "<PointSymbolizer> needs a <Graphic>."),
    };

    private RasterSymbolizer ReadRaster(XElement element)
    {
        var opacity = context.ChildDouble(element, "Opacity") ?? 1.0;
        if (opacity is not (>= 0 and <= 1))
            throw context.Error(SldContext.Child(element, "Opacity"), $"Opacity must be between 0 and 1, not {opacity}.");
        var vendorOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in SldContext.Children(element, "VendorOption"))
        {
            var name = option.Attribute("name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
                throw context.Error(option, "<VendorOption> needs a name attribute.");
            vendorOptions[name] = option.Value.Trim();
        }
        if (vendorOptions.TryGetValue("resampling", out var resampling) && RasterResamplingNames.Parse(resampling) is null)
            throw context.Error(element, $"VendorOption resampling '{resampling}' is not one of nearest, bilinear, cubic.");
        return new RasterSymbolizer { Opacity = opacity, VendorOptions = vendorOptions };
    }

    private string? ReadGeometryProperty(XElement symbolizer)
    {
        if (SldContext.Child(symbolizer, "Geometry") is not { } geometry)
            return null;
        var property = geometry.Elements().FirstOrDefault(e => e.Name.LocalName is "PropertyName" or "ValueReference")
            ?? throw context.Error(geometry, "<Geometry> must hold a <PropertyName> (geometry functions are not supported).");
        return _expressions.ReadPropertyName(property).Name;
    }

    private UnitOfMeasure ReadUom(XElement symbolizer)
    {
        if (symbolizer.Attribute("uom") is not { } uom)
            return UnitOfMeasure.Pixel;
        return uom.Value.Trim() switch
        {
            "http://www.opengeospatial.org/se/units/pixel" => UnitOfMeasure.Pixel,
            "http://www.opengeospatial.org/se/units/metre" or "http://www.opengeospatial.org/se/units/meter" => UnitOfMeasure.Metre,
            "http://www.opengeospatial.org/se/units/foot" => UnitOfMeasure.Foot,
            var other => throw context.Error(uom, $"Unknown uom '{other}' (expected http://www.opengeospatial.org/se/units/metre, pixel or foot)."),
        };
    }
}
