using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Core.Styling;

/// <summary>SE units of measure: sizes are pixels unless the symbolizer says metres/feet (ground units).</summary>
public enum UnitOfMeasure { Pixel, Metre, Foot }

public abstract record Symbolizer
{
    /// <summary>Geometry property to draw; null = the layer's geometry.</summary>
    public string? GeometryProperty { get; init; }
    public UnitOfMeasure Uom { get; init; } = UnitOfMeasure.Pixel;
}

public sealed record PolygonSymbolizer : Symbolizer
{
    public Fill? Fill { get; init; }
    public Stroke? Stroke { get; init; }
    public double DisplacementX { get; init; }
    public double DisplacementY { get; init; }
    public double PerpendicularOffset { get; init; }
}

public sealed record LineSymbolizer : Symbolizer
{
    public required Stroke Stroke { get; init; }
    public double PerpendicularOffset { get; init; }
}

public sealed record PointSymbolizer : Symbolizer
{
    public required Graphic Graphic { get; init; }
}

public sealed record TextSymbolizer : Symbolizer
{
    public required Expression Label { get; init; }
    public Font Font { get; init; } = new();
    public LabelPlacement Placement { get; init; } = new PointPlacement();
    public Halo? Halo { get; init; }
    public Fill Fill { get; init; } = new(RgbaColor.Black);
    /// <summary>Higher priority labels are placed first (GeoServer vendor Priority).</summary>
    public Expression? Priority { get; init; }
    /// <summary>Vendor options (GeoServer names): maxDisplacement, repeat, spaceAround, group, followLine, autoWrap, conflictResolution…</summary>
    public IReadOnlyDictionary<string, string> VendorOptions { get; init; } = new Dictionary<string, string>();
}

public sealed record RasterSymbolizer : Symbolizer
{
    public double Opacity { get; init; } = 1.0;
    /// <summary>Vendor options; <c>resampling</c> = nearest, bilinear or cubic.</summary>
    public IReadOnlyDictionary<string, string> VendorOptions { get; init; } = new Dictionary<string, string>();
}

public sealed record Fill(RgbaColor Color, double Opacity = 1.0, Graphic? GraphicFill = null);

public enum LineJoin { Miter, Round, Bevel }

public enum LineCap { Butt, Round, Square }

public sealed record Stroke
{
    public RgbaColor Color { get; init; } = RgbaColor.Black;
    public double Width { get; init; } = 1.0;
    public double Opacity { get; init; } = 1.0;
    public LineJoin LineJoin { get; init; } = LineJoin.Round;
    public LineCap LineCap { get; init; } = LineCap.Butt;
    public IReadOnlyList<double>? DashArray { get; init; }
    public double DashOffset { get; init; }
    /// <summary>A symbol repeated along the line (SE GraphicStroke).</summary>
    public Graphic? GraphicStroke { get; init; }
}

/// <summary>SE Graphic: the first symbol that can be drawn is used (marks always can).</summary>
public sealed record Graphic
{
    public IReadOnlyList<GraphicSymbol> Symbols { get; init; } = [];
    public double Opacity { get; init; } = 1.0;
    /// <summary>Height in pixels (SE default 6 for marks; for images their natural size when null).</summary>
    public double? Size { get; init; }
    public double Rotation { get; init; }
    public double AnchorX { get; init; } = 0.5;
    public double AnchorY { get; init; } = 0.5;
    public double DisplacementX { get; init; }
    public double DisplacementY { get; init; }
}

public abstract record GraphicSymbol;

/// <summary>Well-known marks: square, circle, triangle, star, cross, x (+ shape://vertline etc. where supported).</summary>
public sealed record Mark(string WellKnownName, Fill? Fill, Stroke? Stroke) : GraphicSymbol;

/// <summary>An image (PNG or SVG) referenced by a path relative to the style file or an absolute file URL.</summary>
public sealed record ExternalGraphic(string Href, string Format) : GraphicSymbol;

public enum FontStyle { Normal, Italic, Oblique }

public enum FontWeight { Normal, Bold }

public sealed record Font
{
    public IReadOnlyList<string> Families { get; init; } = ["DejaVu Sans"];
    public FontStyle Style { get; init; } = FontStyle.Normal;
    public FontWeight Weight { get; init; } = FontWeight.Normal;
    public double Size { get; init; } = 10;
}

public abstract record LabelPlacement;

public sealed record PointPlacement : LabelPlacement
{
    public double AnchorX { get; init; } = 0.5;
    public double AnchorY { get; init; } = 0.5;
    public double DisplacementX { get; init; }
    public double DisplacementY { get; init; }
    public double Rotation { get; init; }
}

public sealed record LinePlacement : LabelPlacement
{
    public double PerpendicularOffset { get; init; }
    public bool IsRepeated { get; init; }
    public double InitialGap { get; init; }
    public double Gap { get; init; }
    public bool IsAligned { get; init; } = true;
}

public sealed record Halo(double Radius, Fill Fill);
