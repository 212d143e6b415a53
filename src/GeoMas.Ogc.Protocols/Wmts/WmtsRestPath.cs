using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>What a RESTful path below <c>/wmts/1.0.0/</c> addresses: a tile, or a feature info on a tile.</summary>
public sealed record WmtsRestResource(WmtsTileParameters Tile, string? InfoExtension, string? I, string? J)
{
    public bool IsFeatureInfo => InfoExtension is not null;
}

/// <summary>
/// Splits <c>{layer}/{Style}[/{time}]/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.{ext}</c> (+ <c>/{J}/{I}.{ext}</c>
/// for feature info). Whether the time segment is there depends on the layer, so the layer decides how many
/// segments a tile path has; a path of any other shape is not a resource of this service (404).
/// </summary>
public static class WmtsRestPath
{
    /// <param name="hasTime">Whether the layer named by the first segment carries the time dimension.</param>
    public static WmtsRestResource Parse(string path, Func<string, bool> hasTime)
    {
        var segments = path.Split('/');
        if (segments.Length == 0 || segments.Any(s => s.Length == 0))
            throw NotFound(path);
        var t = hasTime(segments[0]) ? 1 : 0;
        var isTile = segments.Length == 6 + t;
        if (!isTile && segments.Length != 8 + t)
            throw NotFound(path);
        var (last, extension) = SplitExtension(segments[^1]) ?? throw NotFound(path);
        var parts = segments[..^1].Append(last).ToArray();
        var tile = new WmtsTileParameters
        {
            Layer = parts[0],
            Style = parts[1],
            Time = t == 1 ? parts[2] : null,
            TileMatrixSet = parts[2 + t],
            TileMatrix = parts[3 + t],
            TileRow = parts[4 + t],
            TileCol = parts[5 + t],
            // Feature info names its own format in the extension; the tile format plays no part in what is under a pixel.
            Extension = isTile ? extension : null,
            Format = isTile ? null : WmtsTileFormat.All[0].MimeType,
        };
        return isTile ? new WmtsRestResource(tile, null, null, null) : new WmtsRestResource(tile, extension, parts[7 + t], parts[6 + t]);
    }

    private static (string Name, string Extension)? SplitExtension(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot <= 0 || dot == segment.Length - 1 ? null : (segment[..dot], segment[(dot + 1)..]);
    }

    public static ServiceException NotFound(string path) =>
        new(ErrorKind.NotFound, "NotFound", $"No WMTS resource at '{path}'.");
}
