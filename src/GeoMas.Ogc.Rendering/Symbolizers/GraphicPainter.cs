using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>
/// Draws an SE Graphic (the first of its symbols that can be drawn) at a pixel position: points, graphic strokes,
/// graphic fill tiles and legend swatches all go through here.
/// </summary>
internal static class GraphicPainter
{
    /// <summary>SE default mark size in pixels.</summary>
    public const double DefaultMarkSize = 6;

    /// <summary>Width and height in pixels the graphic will occupy (before rotation), or empty when nothing can be drawn.</summary>
    public static SKSize Measure(RenderContext context, Graphic graphic, UnitOfMeasure uom)
    {
        foreach (var symbol in graphic.Symbols)
        {
            switch (symbol)
            {
                case Mark:
                    var size = context.ToPixels(graphic.Size ?? DefaultMarkSize, uom);
                    return new SKSize(size, size);
                case ExternalGraphic external when ExternalGraphicCache.Get(external.Href, external.Format, context.StyleDirectory) is { } image:
                    return ImageSize(context, graphic, uom, image);
            }
        }
        return SKSize.Empty;
    }

    /// <summary>Pixels the graphic may reach from its anchor point, displacement and rotation included.</summary>
    public static double Reach(RenderContext context, Graphic graphic, UnitOfMeasure uom)
    {
        var size = Measure(context, graphic, uom);
        var half = Math.Sqrt(size.Width * size.Width + size.Height * size.Height) / 2;
        var displacement = context.ToPixels(Math.Abs(graphic.DisplacementX) + Math.Abs(graphic.DisplacementY), uom);
        return half + displacement + 1;
    }

    public static void Draw(RenderContext context, Graphic graphic, UnitOfMeasure uom, SKPoint at, float extraRotation = 0)
    {
        var canvas = context.Canvas;
        foreach (var symbol in graphic.Symbols)
        {
            switch (symbol)
            {
                case Mark mark:
                    DrawMark(context, canvas, graphic, mark, uom, at, extraRotation);
                    return;
                case ExternalGraphic external when ExternalGraphicCache.Get(external.Href, external.Format, context.StyleDirectory) is { } image:
                    DrawImage(context, canvas, graphic, image, uom, at, extraRotation);
                    return;
            }
        }
    }

    private static SKSize ImageSize(RenderContext context, Graphic graphic, UnitOfMeasure uom, ExternalImage image)
    {
        if (graphic.Size is not { } size || image.NaturalSize.Height <= 0)
            return new SKSize(image.NaturalSize.Width * (float)context.Viewport.DpiFactor, image.NaturalSize.Height * (float)context.Viewport.DpiFactor);
        var h = context.ToPixels(size, uom);
        return new SKSize(h * image.NaturalSize.Width / image.NaturalSize.Height, h);
    }

    // SE anchor (0,0) is the lower-left corner of the graphic, (0.5,0.5) its centre; displacement y points up.
    private static void Place(RenderContext context, SKCanvas canvas, Graphic graphic, UnitOfMeasure uom, SKPoint at, float extraRotation, SKSize size)
    {
        canvas.Translate(at.X + context.ToPixels(graphic.DisplacementX, uom), at.Y - context.ToPixels(graphic.DisplacementY, uom));
        var rotation = (float)graphic.Rotation + extraRotation;
        if (rotation != 0)
            canvas.RotateDegrees(rotation);
        canvas.Translate((0.5f - (float)graphic.AnchorX) * size.Width, ((float)graphic.AnchorY - 0.5f) * size.Height);
    }

    private static void DrawMark(RenderContext context, SKCanvas canvas, Graphic graphic, Mark mark, UnitOfMeasure uom, SKPoint at, float extraRotation)
    {
        var size = context.ToPixels(graphic.Size ?? DefaultMarkSize, uom);
        var path = context.Mark(mark.WellKnownName, size) ?? context.Mark("square", size)!;
        // Graphic opacity applies to fill and stroke together; rare, so a layer is affordable there.
        if (context.Paints.Opacity(graphic) is { } opacity)
            canvas.SaveLayer(opacity);
        else
            canvas.Save();
        Place(context, canvas, graphic, uom, at, extraRotation, new SKSize(size, size));
        if (mark.Fill is { } fill && !MarkShapes.IsLineShape(mark.WellKnownName))
            canvas.DrawPath(path, context.Paints.Fill(fill, uom));
        if (mark.Stroke is { } stroke)
            canvas.DrawPath(path, context.Paints.Stroke(stroke, uom));
        canvas.Restore();
    }

    private static void DrawImage(RenderContext context, SKCanvas canvas, Graphic graphic, ExternalImage image, UnitOfMeasure uom, SKPoint at, float extraRotation)
    {
        var size = ImageSize(context, graphic, uom, image);
        if (size.Width <= 0 || size.Height <= 0)
            return;
        canvas.Save();
        Place(context, canvas, graphic, uom, at, extraRotation, size);
        var dest = new SKRect(-size.Width / 2, -size.Height / 2, size.Width / 2, size.Height / 2);
        var paint = context.Paints.Opacity(graphic);
        if (image.Raster is { } raster)
        {
            canvas.DrawImage(raster, dest, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }
        else if (image.Vector is { } picture)
        {
            var bounds = picture.CullRect;
            canvas.Translate(dest.Left, dest.Top);
            canvas.Scale(size.Width / bounds.Width, size.Height / bounds.Height);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture, paint);
        }
        canvas.Restore();
    }

    /// <summary>
    /// A repeating shader for SE GraphicFill: the graphic is drawn once into a tile of its own size. The pattern is
    /// anchored to the world origin, not to the image, so adjacent tiles of a tiled map line up.
    /// </summary>
    public static SKShader? CreatePatternShader(RenderContext context, Graphic graphic, UnitOfMeasure uom)
    {
        var size = Measure(context, graphic, uom);
        var w = Math.Max(1, (int)Math.Ceiling(size.Width));
        var h = Math.Max(1, (int)Math.Ceiling(size.Height));
        if (size.IsEmpty)
            return null;
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        var tileContext = context;
        var previous = tileContext.Canvas;
        tileContext.Canvas = surface.Canvas;
        try
        {
            Draw(tileContext, graphic with { Rotation = graphic.Rotation, DisplacementX = 0, DisplacementY = 0 }, uom, new SKPoint(w / 2f, h / 2f));
        }
        finally
        {
            tileContext.Canvas = previous;
        }
        using var tile = surface.Snapshot();
        var vp = context.Viewport;
        var phaseX = (float)Mod(vp.X(0), w);
        var phaseY = (float)Mod(vp.Y(0), h);
        return SKShader.CreateImage(tile, SKShaderTileMode.Repeat, SKShaderTileMode.Repeat,
            new SKSamplingOptions(SKFilterMode.Linear), SKMatrix.CreateTranslation(phaseX, phaseY));
    }

    private static double Mod(double v, double m)
    {
        var r = v % m;
        return double.IsFinite(r) ? (r < 0 ? r + m : r) : 0;
    }
}
