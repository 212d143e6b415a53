using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Xyz;

/// <summary>
/// Records every <see cref="TileRequest"/> and answers bytes (and an ETag) derived from all of it, so equal requests
/// get equal tiles and any difference shows. <see cref="Failure"/>, when set, is thrown instead.
/// </summary>
public sealed class RecordingTileService : ITileService
{
    public ConcurrentQueue<TileRequest> Requests { get; } = new();

    public Exception? Failure { get; set; }

    public Task<TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Failure is { } failure)
        {
            return Task.FromException<TileContent>(failure);
        }

        var identity = $"{request.Layer.Id}|{request.StyleName}|{request.TileMatrixSet.Id}|{request.TileMatrix.Id}|{request.Row}|{request.Col}|{request.Format.MimeType}|{request.Time?.Ranges[0].Start:yyyy-MM-dd}";
        var bytes = FakePng.Create(request.TileMatrix.TileWidth, request.TileMatrix.TileHeight).Concat(System.Text.Encoding.UTF8.GetBytes(identity)).ToArray();
        var etag = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]; // bare, as a cache may store it
        return Task.FromResult(new TileContent(bytes, request.Format.ContentType, etag));
    }
}
