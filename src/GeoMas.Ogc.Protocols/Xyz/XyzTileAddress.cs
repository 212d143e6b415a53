namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// The parts of an XYZ tile path (<see cref="XyzEndpoints.TileRoute"/>) read from the path itself, for code that
/// answers tiles before routing. Stricter than the route on purpose: z, x and y are plain ASCII digits, the path has
/// no trailing slash or extra segment; any other path is not an address here and is left to routing, which decides.
/// </summary>
public readonly record struct XyzTileAddress(string Layer, string Z, string X, string Y, string Extension)
{
    /// <summary>Digits beyond this are no tile of WebMercatorQuad (z ≤ 30, x and y &lt; 2^30).</summary>
    private const int MaxDigits = 10;

    public static bool TryParse(string? path, out XyzTileAddress address)
    {
        address = default;
        const string prefix = XyzEndpoints.TilesPath + "/";
        // The route's literal matches case-insensitively, like every ASP.NET Core route literal.
        if (path is null || !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = path.AsSpan(prefix.Length);
        var layerEnd = rest.IndexOf('/');
        if (layerEnd <= 0)
            return false;
        var zStart = layerEnd + 1;
        var zLength = rest[zStart..].IndexOf('/');
        if (!IsNumber(rest.Slice(zStart, Math.Max(0, zLength))))
            return false;
        var xStart = zStart + zLength + 1;
        var xLength = rest[xStart..].IndexOf('/');
        if (!IsNumber(rest.Slice(xStart, Math.Max(0, xLength))))
            return false;
        var last = rest[(xStart + xLength + 1)..];
        // {y}.{ext}: the route's complex segment takes the extension after the last dot.
        var dot = last.LastIndexOf('.');
        if (dot < 0 || dot == last.Length - 1 || !IsNumber(last[..dot]) || last.Contains('/'))
            return false;
        address = new XyzTileAddress(
            rest[..layerEnd].ToString(),
            rest.Slice(zStart, zLength).ToString(),
            rest.Slice(xStart, xLength).ToString(),
            last[..dot].ToString(),
            last[(dot + 1)..].ToString());
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxDigits)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
