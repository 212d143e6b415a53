using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Styling;
using SkiaSharp;
using FontStyle = GeoMas.Ogc.Core.Styling.FontStyle;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Finds typefaces by SE font family list, first installed family wins, else Skia's default (DejaVu Sans on Debian,
/// from the fonts-dejavu-core package). Typefaces are immutable and thread-safe, so they are cached process-wide.
/// </summary>
internal static class FontResolver
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static SKTypeface Resolve(Font font)
    {
        var key = string.Join('|', font.Families) + "|" + font.Weight + "|" + font.Style;
        return Cache.GetOrAdd(key, _ => Find(font));
    }

    private static SKTypeface Find(Font font)
    {
        var style = new SKFontStyle(
            font.Weight == FontWeight.Bold ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal,
            SKFontStyleWidth.Normal,
            font.Style switch { FontStyle.Italic => SKFontStyleSlant.Italic, FontStyle.Oblique => SKFontStyleSlant.Oblique, _ => SKFontStyleSlant.Upright });
        foreach (var family in font.Families)
        {
            var name = GenericFamily(family);
            var typeface = SKFontManager.Default.MatchFamily(name, style);
            if (typeface is not null)
                return typeface;
        }
        return SKFontManager.Default.MatchFamily("DejaVu Sans", style) ?? SKTypeface.Default;
    }

    // CSS generic names as GeoServer accepts them in SLD.
    private static string GenericFamily(string family) => family.Trim().ToLowerInvariant() switch
    {
        "sans-serif" or "sansserif" or "dialog" => "DejaVu Sans",
        "serif" => "DejaVu Serif",
        "monospace" or "monospaced" => "DejaVu Sans Mono",
        _ => family.Trim(),
    };
}
