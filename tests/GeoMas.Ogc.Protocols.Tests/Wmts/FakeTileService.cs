using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>
/// Records every TileRequest and answers a fake image of the matrix's tile size whose bytes (and ETag) depend on
/// everything in the request, so two requests for the same tile get the same bytes and any difference shows.
/// </summary>
public sealed class FakeTileService : ITileService
{
    public ConcurrentQueue<TileRequest> Requests { get; } = new();

    public Task<TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var header = FakePng.Create(request.TileMatrix.TileWidth, request.TileMatrix.TileHeight);
        var identity = $"{request.Layer.Id}|{request.StyleName}|{request.TileMatrixSet.Id}|{request.TileMatrix.Id}|{request.Row}|{request.Col}|{request.Format.MimeType}|{Time(request)}";
        var bytes = header.Concat(System.Text.Encoding.UTF8.GetBytes(identity)).ToArray();
        var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"";
        return Task.FromResult(new TileContent(bytes, request.Format.ContentType, etag));
    }

    public static string Time(TileRequest request) =>
        request.Time is null ? "today" : string.Join(",", request.Time.Ranges.Select(r => r.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
}
