using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Styling;
using SkiaSharp;
using FontStyle = GeoMas.Ogc.Core.Styling.FontStyle;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Finds typefaces by SE font family list: the first installed family wins, else DejaVu Sans, else any font.
/// The Linux "NoDependencies" Skia build has no fontconfig, so its font manager knows no system font by name:
/// font files are indexed once from the usual font directories and loaded from file (on Debian DejaVu comes from
/// the fonts-dejavu-core package). Typefaces are immutable and thread-safe, so they are cached process-wide.
/// </summary>
internal static class FontResolver
{
    private static readonly string[] FontDirectories =
    [
        "/usr/share/fonts", "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(AppContext.BaseDirectory, "fonts"),
    ];

    private static readonly ConcurrentDictionary<string, SKTypeface> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lazy<IReadOnlyList<FontFile>> Index = new(BuildIndex);

    public static SKTypeface Resolve(Font font)
    {
        var key = string.Join('|', font.Families) + "|" + font.Weight + "|" + font.Style;
        return Cache.GetOrAdd(key, _ => Find(font));
    }

    private static SKTypeface Find(Font font)
    {
        var bold = font.Weight == FontWeight.Bold;
        var italic = font.Style != FontStyle.Normal;
        foreach (var family in font.Families)
        {
            if (Match(GenericFamily(family), bold, italic) is { } typeface)
                return typeface;
        }
        return Match("DejaVu Sans", bold, italic)
            ?? (Index.Value.Count > 0 ? SKTypeface.FromFile(Index.Value[0].Path) : null)
            ?? SKTypeface.Default;
    }

    private static SKTypeface? Match(string family, bool bold, bool italic)
    {
        // A real font manager (fontconfig builds) answers directly; the empty one returns nameless typefaces.
        var style = new SKFontStyle(bold ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal, SKFontStyleWidth.Normal,
            italic ? SKFontStyleSlant.Italic : SKFontStyleSlant.Upright);
        if (SKFontManager.Default.MatchFamily(family, style) is { } managed && !string.IsNullOrEmpty(managed.FamilyName) && managed.GlyphCount > 0)
            return managed;

        FontFile? best = null;
        var bestScore = int.MaxValue;
        foreach (var file in Index.Value)
        {
            if (!file.Family.Equals(family, StringComparison.OrdinalIgnoreCase))
                continue;
            // Prefer the exact weight/slant, then regular width over condensed.
            // (DejaVu Sans ExtraLight and Book share a family name: weight distance keeps the light face out.)
            var score = Math.Abs(file.Weight - (bold ? 700 : 400)) / 100 * 4 + (file.Italic == italic ? 0 : 2) + (file.Condensed ? 1 : 0);
            if (score < bestScore)
            {
                bestScore = score;
                best = file;
            }
        }
        return best is null ? null : SKTypeface.FromFile(best.Path);
    }

    private static IReadOnlyList<FontFile> BuildIndex()
    {
        var files = new List<FontFile>();
        foreach (var dir in FontDirectories)
        {
            if (!Directory.Exists(dir))
                continue;
            foreach (var path in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                    continue;
                using var typeface = SKTypeface.FromFile(path);
                if (typeface is null || string.IsNullOrEmpty(typeface.FamilyName))
                    continue;
                files.Add(new FontFile(path, typeface.FamilyName, typeface.FontWeight,
                    typeface.FontSlant != SKFontStyleSlant.Upright, typeface.FontWidth < (int)SKFontStyleWidth.Normal));
            }
        }
        return files;
    }

    // CSS generic names as GeoServer accepts them in SLD.
    private static string GenericFamily(string family) => family.Trim().ToLowerInvariant() switch
    {
        "sans-serif" or "sansserif" or "dialog" => "DejaVu Sans",
        "serif" => "DejaVu Serif",
        "monospace" or "monospaced" => "DejaVu Sans Mono",
        _ => family.Trim(),
    };

    private sealed record FontFile(string Path, string Family, int Weight, bool Italic, bool Condensed);
}
