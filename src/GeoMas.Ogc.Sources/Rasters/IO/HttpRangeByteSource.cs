using System.Net;
using System.Net.Http.Headers;

namespace GeoMas.Ogc.Sources.Rasters.IO;

/// <summary>
/// An object on an HTTP server or object store (S3, Azure Blob, GCS, MinIO…) read with Range requests.
/// Every read is one GET answered by 206 Partial Content; a server that ignores ranges is an error
/// (except for a read at offset 0, where the first bytes of a full answer are what was asked).
/// The first answer's strong ETag joins the cache key and is sent as If-Match afterwards, so an object replaced
/// while the server runs fails loudly (412) instead of mixing tiles of two versions.
/// </summary>
public sealed class HttpRangeByteSource : IByteSource
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly string _baseKey;
    private volatile string? _etag;

    public HttpRangeByteSource(HttpClient client, Uri uri, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(uri);
        _client = client;
        _ownsClient = ownsClient;
        Uri = uri;
        _baseKey = "http:" + uri.AbsoluteUri;
    }

    public Uri Uri { get; }

    /// <summary>The URL, plus the ETag once the first answer gave one.</summary>
    public string Key => _etag is { } etag ? _baseKey + "#" + etag : _baseKey;

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (destination.Length == 0)
            return 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri);
        request.Headers.Range = new RangeHeaderValue(offset, offset + destination.Length - 1);
        var expected = _etag;
        if (expected is not null)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(expected));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
            throw new IOException($"{Uri}: the object changed since it was opened (ETag {expected} no longer matches).");
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            return 0;
        if (response.StatusCode == HttpStatusCode.OK && offset != 0)
            throw new IOException($"{Uri}: the server ignored the Range header (200 instead of 206); range requests are required to read a COG remotely.");
        if (response.StatusCode != HttpStatusCode.PartialContent && response.StatusCode != HttpStatusCode.OK)
            throw new IOException(FormattableString.Invariant($"{Uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase} for bytes {offset}-{offset + destination.Length - 1}."));
        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { From: { } from } && from != offset)
            throw new IOException(FormattableString.Invariant($"{Uri}: asked for bytes from {offset}, the server answered from {from}."));

        if (expected is null && response.Headers.ETag is { IsWeak: false } received)
            _etag = received.Tag;

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var total = 0;
        while (total < destination.Length)
        {
            var read = await body.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    public void Dispose()
    {
        if (_ownsClient)
            _client.Dispose();
    }
}
