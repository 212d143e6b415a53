using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// A label waiting for placement. Candidates are collected while features are drawn and placed after every layer,
/// so labels sit above all geometry. Higher <see cref="Priority"/> first, then feature order.
/// </summary>
internal sealed class LabelCandidate(string text, LabelStyle style, double priority, int order, SKPoint anchor, SKPoint[]? line)
{
    public string Text { get; } = text;
    public LabelStyle Style { get; } = style;
    public double Priority { get; } = priority;
    public int Order { get; } = order;
    /// <summary>Point placement anchor in canvas pixels.</summary>
    public SKPoint Anchor { get; } = anchor;
    /// <summary>For line placement: the line in canvas pixels.</summary>
    public SKPoint[]? Line { get; } = line;
}
