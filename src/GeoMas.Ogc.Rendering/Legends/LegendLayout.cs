using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Labels;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Legends;

/// <summary>
/// Where each legend row goes. Computed the same way for <see cref="SkiaLegendRenderer.Measure"/> and for drawing,
/// with the same font, so the advertised LegendURL size is exactly the image size (WMS-L6).
/// </summary>
internal sealed class LegendLayout : IDisposable
{
    public const float Margin = 2;
    public const float Gap = 4;
    public const float RowSpacing = 2;
    private const float BaseFontSize = 12;

    private LegendLayout(SKFont font, IReadOnlyList<LegendRow> rows, int width, int height)
    {
        Font = font;
        Rows = rows;
        Width = width;
        Height = height;
    }

    public SKFont Font { get; }
    public IReadOnlyList<LegendRow> Rows { get; }
    public int Width { get; }
    public int Height { get; }

    public static LegendLayout Compute(LegendRequest request)
    {
        var dpiFactor = (float)((request.Dpi > 0 ? request.Dpi : MapRequest.StandardDpi) / MapRequest.StandardDpi);
        var font = new SKFont(FontResolver.Resolve(new Font()), BaseFontSize * dpiFactor) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var sw = Math.Max(1, request.SymbolWidth);
        var sh = Math.Max(1, request.SymbolHeight);
        var textHeight = font.Metrics.Descent - font.Metrics.Ascent;
        var rowHeight = Math.Max(sh, (int)Math.Ceiling(textHeight));

        var rows = new List<LegendRow>();
        var y = Margin;
        float textWidth = 0;
        foreach (var rule in SelectRules(request))
        {
            var text = string.IsNullOrWhiteSpace(rule.Title) ? rule.Name : rule.Title;
            var width = string.IsNullOrEmpty(text) ? 0 : font.MeasureText(text);
            textWidth = Math.Max(textWidth, width);
            rows.Add(new LegendRow(rule, text, new SKRect(Margin, y + (rowHeight - sh) / 2f, Margin + sw, y + (rowHeight - sh) / 2f + sh), y, rowHeight));
            y += rowHeight + RowSpacing;
        }
        if (rows.Count == 0)
            return new LegendLayout(font, rows, sw, sh);
        var totalWidth = (int)Math.Ceiling(Margin + sw + (textWidth > 0 ? Gap + textWidth : 0) + Margin);
        var totalHeight = (int)Math.Ceiling(y - RowSpacing + Margin);
        return new LegendLayout(font, rows, totalWidth, totalHeight);
    }

    private static IEnumerable<Rule> SelectRules(LegendRequest request)
    {
        foreach (var rule in request.Style.Model.AllRules)
        {
            if (request.RuleName is { } name)
            {
                if (rule.Name == name)
                    yield return rule;
                continue;
            }
            if (request.ScaleDenominator is { } scale && !rule.AppliesAtScale(scale))
                continue;
            // Rules that only label draw no swatch: GeoServer leaves them out too.
            if (rule.Symbolizers.Any(s => s is not TextSymbolizer))
                yield return rule;
        }
    }

    public void Dispose() => Font.Dispose();
}

internal sealed record LegendRow(Rule Rule, string Text, SKRect Swatch, float Top, float Height);
