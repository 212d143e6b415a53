using System.Collections.Concurrent;
using SkiaSharp;
using Svg.Skia;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>A decoded ExternalGraphic: a raster image (PNG…) or a vector picture (SVG), both immutable and thread-safe to draw.</summary>
internal sealed record ExternalImage(SKImage? Raster, SKPicture? Vector, SKSize NaturalSize);

/// <summary>
/// Process-wide cache of decoded ExternalGraphics, keyed by full path. Files come from the style directory (config),
/// never from requests. A file that cannot be read is remembered as missing too, so a broken symbol costs one attempt.
/// </summary>
internal static class ExternalGraphicCache
{
    private static readonly ConcurrentDictionary<string, Lazy<ExternalImage?>> Images = new(StringComparer.Ordinal);

    /// <summary>Resolves an SE href (relative path, absolute path or file: URL) against the style directory.</summary>
    public static string? ResolvePath(string href, string? styleDirectory)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && !Path.IsPathRooted(href))
            return uri.IsFile ? uri.LocalPath : null; // http(s) symbols are not fetched at render time
        return Path.GetFullPath(Path.IsPathRooted(href) ? href : Path.Combine(styleDirectory ?? Directory.GetCurrentDirectory(), href));
    }

    public static ExternalImage? Get(string href, string format, string? styleDirectory)
    {
        var path = ResolvePath(href, styleDirectory);
        if (path is null)
            return null;
        return Images.GetOrAdd(path, p => new Lazy<ExternalImage?>(() => Load(p, format))).Value;
    }

    private static ExternalImage? Load(string path, string format)
    {
        if (!File.Exists(path))
            return null;
        var isSvg = format.Contains("svg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (isSvg)
            {
                using var svg = SKSvg.CreateFromFile(path);
                var picture = svg.Picture;
                if (picture is null)
                    return null;
                // Re-record so the picture outlives the SKSvg that owns the original.
                using var recorder = new SKPictureRecorder();
                var bounds = picture.CullRect;
                var canvas = recorder.BeginRecording(bounds);
                canvas.DrawPicture(picture);
                var copy = recorder.EndRecording();
                return new ExternalImage(null, copy, new SKSize(bounds.Width, bounds.Height));
            }
            var image = SKImage.FromEncodedData(path);
            if (image is null)
                return null;
            // Decode now: lazily decoded images would decode again on every thread that draws them.
            var raster = image.ToRasterImage(true);
            if (!ReferenceEquals(raster, image))
                image.Dispose();
            return new ExternalImage(raster, null, new SKSize(raster.Width, raster.Height));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
