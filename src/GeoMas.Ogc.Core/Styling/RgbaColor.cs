using System.Globalization;

namespace GeoMas.Ogc.Core.Styling;

/// <summary>A colour with alpha; SLD writes "#RRGGBB", WMS BGCOLOR "0xRRGGBB".</summary>
public readonly record struct RgbaColor(byte R, byte G, byte B, byte A = 255)
{
    public static RgbaColor Black => new(0, 0, 0);
    public static RgbaColor White => new(255, 255, 255);
    public static RgbaColor Transparent => new(0, 0, 0, 0);

    /// <summary>Parses "#RRGGBB", "#AARRGGBB", "0xRRGGBB", "RRGGBB".</summary>
    public static bool TryParse(string? text, out RgbaColor color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        if (s.StartsWith('#'))
            s = s[1..];
        else if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            s = s[2..];
        if ((s.Length != 6 && s.Length != 8) || !uint.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            return false;
        color = s.Length == 6
            ? new RgbaColor((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : new RgbaColor((byte)(v >> 16), (byte)(v >> 8), (byte)v, (byte)(v >> 24));
        return true;
    }

    public RgbaColor WithOpacity(double opacity) => this with { A = (byte)Math.Clamp(Math.Round(A * opacity), 0, 255) };

    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
