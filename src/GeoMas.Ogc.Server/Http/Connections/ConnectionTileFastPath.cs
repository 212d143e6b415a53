using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Tiles;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Server.Http.Connections;

/// <summary>
/// The cached-tile fast path one layer further out: a Kestrel connection middleware that answers an anonymous GET of
/// an XYZ tile held in memory straight from the connection's bytes (<see cref="TileAnsweringReader"/>), before Kestrel
/// parses the request into an HttpContext and runs the hosting layer. On a 2-core machine that layer costs more than
/// twice the tile's own work; answering here serves about a third more cached tiles per second than
/// <see cref="CachedTileFastPath"/> alone.
/// <para>
/// The answer is the one <see cref="CachedTileFastPath"/> gives, found and written by its code: the same lookup
/// (<see cref="CachedTileFastPath.TryFindForAnonymous"/>), the same status and headers
/// (<see cref="CachedTileFastPath.WriteAnswerHeaders"/>, run once per tile and kept as bytes), the same usage
/// record and counter. It answers only requests whose head <see cref="TileRequestHead"/> reads completely and that
/// carry nothing but the headers an anonymous tile client sends; everything else goes to Kestrel unchanged, and the
/// connection comes back here after a GET or HEAD without a body.
/// </para>
/// </summary>
public sealed class ConnectionTileFastPath
{
    private readonly CachedTileFastPath _tiles;
    private readonly TimeProvider _clock;
    private readonly ConditionalWeakTable<TileContent, AnswerHeads> _heads = [];
    private DateLine _date = new(long.MinValue, []);
    private long _answered;

    public ConnectionTileFastPath(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _tiles = services.GetRequiredService<CachedTileFastPath>();
        _clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        MinResponseDataRate = services.GetService<IOptions<KestrelServerOptions>>()?.Value.Limits.MinResponseDataRate;
    }

    /// <summary>Kestrel's minimum rate at which a client must take its answers (null: none).</summary>
    internal MinDataRate? MinResponseDataRate { get; }

    /// <summary>Fires when the server asks the connection to close (graceful shutdown).</summary>
    internal static CancellationToken Closing(ConnectionContext connection) =>
        connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;

    /// <summary>Requests answered here since the start (for tests and diagnostics).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Whether this path may run under these options; <paramref name="reason"/> says why not.</summary>
    public static bool Applies(ServerOptions server, RateLimitOptions rateLimits, MetricsOptions metrics, IConfiguration configuration, out string reason)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!CachedTileFastPath.Applies(server, rateLimits, out reason))
            return false;
        if (!server.ConnectionTileFastPath)
        {
            reason = "server.connectionTileFastPath is false";
            return false;
        }
        if (metrics.FastPathRequestDuration)
        {
            // Its answers never become requests of ASP.NET Core's hosting layer, whose histogram that option asks for.
            reason = "metrics.fastPathRequestDuration is true";
            return false;
        }
        var allowedHosts = configuration["AllowedHosts"];
        if (!string.IsNullOrEmpty(allowedHosts) && allowedHosts != "*")
        {
            // Host filtering is a middleware of the pipeline: requests must reach it.
            reason = "AllowedHosts is set";
            return false;
        }
        reason = "";
        return true;
    }

    /// <summary>The connection middleware: Kestrel reads the connection through a <see cref="TileAnsweringReader"/>.</summary>
    public ConnectionDelegate Middleware(ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return connection =>
        {
            var transport = connection.Transport;
            // The reader answers pipelined tiles a window of unflushed bytes at a time: it needs the writer's count.
            if (!transport.Output.CanGetUnflushedBytes)
                return next(connection);
            connection.Transport = new DuplexPipe(new TileAnsweringReader(transport.Input, transport.Output, this, connection), transport.Output);
            return next(connection);
        };
    }

    /// <summary>Writes the answer to <paramref name="head"/> when this path gives it; false leaves the request to Kestrel.</summary>
    internal bool TryAnswer(in TileRequestHead head, PipeWriter output, ConnectionContext connection)
    {
        if (head.PipelineOnly)
            return false;
        // As UsageMiddleware: the day the request arrived.
        var day = _tiles.UsageDay();
        if (!_tiles.TryFindForAnonymous(head.Path, head.Query, out var layer, out var tile))
            return false;
        var heads = HeadsFor(layer, tile);
        var notModified = head.IfNoneMatch is { } tags && TileValidators.IsNotModified(tags, tile, out _);
        if ((notModified ? heads.NotModified : heads.Ok) is not { } status)
            return false;

        output.Write(status);
        output.Write(DateAndEnd());
        if (!notModified)
            output.Write(tile.Bytes);
        Interlocked.Increment(ref _answered);
        _tiles.RecordAnswer(day, layer, notModified, notModified ? 0 : tile.Bytes.Length, (connection.RemoteEndPoint as IPEndPoint)?.Address);
        return true;
    }

    private AnswerHeads HeadsFor(LayerDefinition layer, TileContent tile)
    {
        if (_heads.TryGetValue(tile, out var heads) && ReferenceEquals(heads.Layer, layer))
            return heads;
        // A reloaded catalog gives the layer a new definition (its cache policy may have changed).
        heads = AnswerHeads.Build(_tiles, layer, tile);
        _heads.AddOrUpdate(tile, heads);
        return heads;
    }

    /// <summary>The Date line and the end of the head, rebuilt once a second.</summary>
    private byte[] DateAndEnd()
    {
        var now = _clock.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var date = _date;
        if (date.Second != second)
        {
            date = new DateLine(second, Encoding.ASCII.GetBytes("Date: " + now.ToString("r", CultureInfo.InvariantCulture) + "\r\n\r\n"));
            _date = date;
        }
        return date.Bytes;
    }

    private sealed record DateLine(long Second, byte[] Bytes);

    /// <summary>
    /// The status line and headers (all but Date) of a tile's 200 and 304 answers, as bytes: what
    /// <see cref="CachedTileFastPath.WriteAnswerHeaders"/> sets on a response, written as Kestrel writes it. Null
    /// when a header is not plain ASCII (Kestrel would refuse or encode it): the pipeline answers then.
    /// </summary>
    private sealed class AnswerHeads(LayerDefinition layer, byte[]? ok, byte[]? notModified)
    {
        public LayerDefinition Layer { get; } = layer;
        public byte[]? Ok { get; } = ok;
        public byte[]? NotModified { get; } = notModified;

        public static AnswerHeads Build(CachedTileFastPath tiles, LayerDefinition layer, TileContent tile)
        {
            var ok = Head(tiles, layer, tile, ifNoneMatch: null, out var etag);
            var notModified = etag is null ? null : Head(tiles, layer, tile, etag, out _);
            return new AnswerHeads(layer, ok, notModified);
        }

        private static byte[]? Head(CachedTileFastPath tiles, LayerDefinition layer, TileContent tile, string? ifNoneMatch, out string? etag)
        {
            var context = new DefaultHttpContext();
            if (ifNoneMatch is not null)
                context.Request.Headers.IfNoneMatch = ifNoneMatch;
            var body = tiles.WriteAnswerHeaders(context, layer, tile);
            var response = context.Response;
            etag = response.Headers.ETag.Count == 1 ? response.Headers.ETag.ToString() : null;
            var expected = body ? StatusCodes.Status200OK : StatusCodes.Status304NotModified;
            if (response.StatusCode != expected)
                return null;
            var head = new StringBuilder(body ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 304 Not Modified\r\n");
            foreach (var (name, values) in response.Headers)
            {
                foreach (var value in values)
                {
                    if (value is null || !IsPlain(name) || !IsPlain(value))
                        return null;
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }
            }
            return Encoding.ASCII.GetBytes(head.ToString());
        }

        private static bool IsPlain(string text)
        {
            foreach (var c in text)
            {
                if (c is < ' ' or > '~')
                    return false;
            }
            return true;
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
