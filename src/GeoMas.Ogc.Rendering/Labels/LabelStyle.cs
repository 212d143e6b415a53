using System.Globalization;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Symbolizers;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// A TextSymbolizer resolved to pixels and Skia objects for one render: font, fill and halo paints, placement
/// values and the vendor options the placer understands.
/// </summary>
internal sealed class LabelStyle : IDisposable
{
    public LabelStyle(RenderContext context, TextSymbolizer symbolizer)
    {
        var uom = symbolizer.Uom;
        Font = new SKFont(FontResolver.Resolve(symbolizer.Font), Math.Max(1f, context.ToPixels(symbolizer.Font.Size, uom)))
        {
            Subpixel = true,
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.Slight,
        };
        var metrics = Font.Metrics;
        Ascent = metrics.Ascent;
        Descent = metrics.Descent;
        FillPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = PaintCache.ToSkColor(symbolizer.Fill.Color, symbolizer.Fill.Opacity) };
        if (symbolizer.Halo is { Radius: > 0 } halo)
        {
            HaloPaint = context.Paints.Halo(halo, uom);
            HaloRadius = context.ToPixels(halo.Radius, uom);
        }

        switch (symbolizer.Placement)
        {
            case LinePlacement line:
                IsLinePlacement = true;
                PerpendicularOffset = context.ToPixels(line.PerpendicularOffset, uom);
                InitialGap = context.ToPixels(line.InitialGap, uom);
                Gap = context.ToPixels(line.Gap, uom);
                IsRepeated = line.IsRepeated;
                break;
            case PointPlacement point:
                AnchorX = (float)point.AnchorX;
                AnchorY = (float)point.AnchorY;
                DisplacementX = context.ToPixels(point.DisplacementX, uom);
                DisplacementY = context.ToPixels(point.DisplacementY, uom);
                Rotation = (float)point.Rotation;
                break;
        }

        var options = symbolizer.VendorOptions;
        SpaceAround = Number(options, "spaceAround") is { } space ? (float)(space * context.Viewport.DpiFactor) : 0;
        if (Number(options, "repeat") is { } repeat && repeat > 0)
        {
            IsRepeated = true;
            Gap = Math.Max(Gap, (float)(repeat * context.Viewport.DpiFactor));
        }
        MaxAngleDelta = (float)(Number(options, "maxAngleDelta") ?? 30);
        ConflictResolution = !(options.TryGetValue("conflictResolution", out var cr) && cr.Trim().Equals("false", StringComparison.OrdinalIgnoreCase));
    }

    public SKFont Font { get; }
    public float Ascent { get; }
    public float Descent { get; }
    public float TextHeight => Descent - Ascent;
    public SKPaint FillPaint { get; }
    public SKPaint? HaloPaint { get; }
    public float HaloRadius { get; }

    public bool IsLinePlacement { get; }
    public float AnchorX { get; } = 0.5f;
    public float AnchorY { get; } = 0.5f;
    public float DisplacementX { get; }
    public float DisplacementY { get; }
    public float Rotation { get; }
    public float PerpendicularOffset { get; }
    public float InitialGap { get; }
    public float Gap { get; }
    public bool IsRepeated { get; }

    /// <summary>Extra empty pixels kept around the label box (GeoServer spaceAround; may be negative).</summary>
    public float SpaceAround { get; }
    /// <summary>Largest bend (degrees) between neighbouring characters of a label along a line.</summary>
    public float MaxAngleDelta { get; }
    /// <summary>False = draw even when overlapping, and do not reserve space (GeoServer conflictResolution=false).</summary>
    public bool ConflictResolution { get; }

    /// <summary>Margin of the collision box around the glyphs: halo plus spaceAround.</summary>
    public float Margin => HaloRadius + SpaceAround;

    public float MeasureText(string text) => Font.MeasureText(text);

    private static double? Number(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public void Dispose()
    {
        Font.Dispose();
        FillPaint.Dispose();
    }
}
