using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Net;
using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Wms;
using GeoMas.Ogc.Protocols.Xyz;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Http.IoThread;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.Protection;
using GeoMas.Ogc.Server.RateLimiting;
using GeoMas.Ogc.Server.Security;
using GeoMas.Ogc.Server.Usage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// Answers the commonest request of a tile server — an anonymous GET of an XYZ tile this process holds in memory —
/// at the front of the pipeline, without the middlewares, routing and endpoint a tile otherwise goes through. It
/// answers only when all of these hold, and declines (the request goes on unchanged) otherwise:
/// <list type="bullet">
/// <item>GET of <c>/tiles/{layer}/{z}/{x}/{y}.{ext}</c> (<see cref="XyzTileAddress"/>); HEAD and other methods go on;</item>
/// <item>no credentials the security layer recognises (<see cref="SecurityMiddleware.CarriesCredentials"/>), and no
/// query parameter the tile endpoint reads (<see cref="XyzLayerOptions.MayName"/>): <c>?123</c> is served here;</item>
/// <item>the layer is visible to the public (the anonymous catalog view) and the tile is a memory hit under the key
/// the tile service builds for the public (<see cref="TileService.TryGetCached"/>).</item>
/// </list>
/// What the skipped middlewares do to such a request is done here with their own code: the tile's headers
/// (<see cref="XyzTileHandler.WriteHeaders"/>, 304 included), CORS (<see cref="CorsHeaders"/>), the security headers
/// (<see cref="ResponseSecurityHeaders"/>), usage metering (<see cref="UsageMeter"/>), the tile endpoint as the
/// request's endpoint (the http.route of ASP.NET Core's request metrics, when its responses are recorded there:
/// <see cref="FastPathMetrics"/>). The hidden-layer audit, the bulk lane and
/// the export gate have nothing to do for a visible, cached tile; rate limiting would, so the path is off when it is
/// enabled (<see cref="Applies"/>).
/// </summary>
public sealed class CachedTileFastPath
{
    private readonly ICatalogProvider _catalog;
    private readonly SecurityStore _security;
    private readonly TileService _tiles;
    private readonly TileMatrixSet? _webMercatorQuad;
    private readonly TimeProvider _clock;
    private readonly CorsHeaders _cors;
    private readonly ResponseSecurityHeaders _securityHeaders;
    private readonly UsageMeter? _usage;
    private readonly EndpointDataSource? _endpoints;
    private readonly FastPathMetrics? _metrics;
    private readonly bool _requestDuration;
    private Endpoint? _endpoint;
    private bool _endpointMissing;
    private long _answered;

    public CachedTileFastPath(IServiceProvider services, string corsAllowOrigin)
    {
        ArgumentNullException.ThrowIfNull(services);
        _catalog = services.GetRequiredService<ICatalogProvider>();
        _security = services.GetRequiredService<SecurityStore>();
        _tiles = services.GetRequiredService<TileService>();
        _webMercatorQuad = services.GetRequiredService<TileMatrixSetCatalog>().Find(XyzEndpoints.TileMatrixSetId);
        _clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _cors = new CorsHeaders(corsAllowOrigin);
        _securityHeaders = new ResponseSecurityHeaders(services.GetRequiredService<SecurityHeadersOptions>());
        _usage = services.GetService<UsageMeter>();
        _endpoints = services.GetService<EndpointDataSource>();
        _metrics = services.GetService<FastPathMetrics>();
        _requestDuration = services.GetService<MetricsOptions>()?.FastPathRequestDuration ?? true;
    }

    /// <summary>Requests answered here since the start (for tests and diagnostics).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Whether the path may run under these options; <paramref name="reason"/> says why not.</summary>
    public static bool Applies(ServerOptions server, RateLimitOptions rateLimits, out string reason)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(rateLimits);
        if (!server.TileFastPath)
        {
            reason = "server.tileFastPath is false";
            return false;
        }
        if (rateLimits.Enabled)
        {
            // Every request then takes a lease from the limiter (and shows in its metrics): no request may skip it.
            reason = "rateLimits is enabled";
            return false;
        }
        reason = "";
        return true;
    }

    /// <summary>The answer under way, or null when the request is not one for this path (it then goes on unchanged).</summary>
    public Task? TryAnswer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // The query's credentials are checked with the address (TryFindForAnonymous).
        if (!HttpMethods.IsGet(request.Method)
            || SecurityMiddleware.HeadersCarryCredentials(request)
            || TileEndpoint() is not { } endpoint)
        {
            return null;
        }
        // As UsageMiddleware: the day the request arrived.
        var day = UsageDay();
        if (!TryFindForAnonymous(request.Path.Value, request.QueryString.Value, out var layer, out var tile))
            return null;

        Interlocked.Increment(ref _answered);
        context.SetEndpoint(endpoint);
        if (!_requestDuration && context.Features.Get<IHttpMetricsTagsFeature>() is { } requestMetrics)
            requestMetrics.MetricsDisabled = true;
        var body = WriteAnswerHeaders(context, layer, tile);
        if (!body)
        {
            RecordAnswer(day, layer, notModified: true, bytes: 0, context.Connection.RemoteIpAddress);
            return Task.CompletedTask;
        }

        var write = context.Response.BodyWriter.WriteAsync(tile.Bytes, context.RequestAborted);
        if (write.IsCompletedSuccessfully)
        {
            RecordAnswer(day, layer, notModified: false, bytes: tile.Bytes.Length, context.Connection.RemoteIpAddress);
            return Task.CompletedTask;
        }
        return FinishAsync(write, context, day, layer, tile.Bytes.Length);
    }

    /// <summary>
    /// The public's cached tile for an anonymous GET of <paramref name="path"/> with the raw query string
    /// <paramref name="query"/> (<c>?…</c> or null), when this path may answer it: an XYZ tile address, a query that
    /// names no parameter of the tile endpoint and no API key, a layer visible to the public, a memory hit. The
    /// caller has checked the method and the credentials headers.
    /// </summary>
    public bool TryFindForAnonymous(string? path, string? query, [NotNullWhen(true)] out LayerDefinition? layer, [NotNullWhen(true)] out TileContent? tile)
    {
        layer = null;
        tile = null;
        return XyzTileAddress.TryParse(path, out var address)
               && !SecurityMiddleware.QueryMayCarryCredentials(query)
               && !XyzLayerOptions.MayName(query)
               && TileEndpoint() is not null
               && TryFind(address, out layer, out tile);
    }

    /// <summary>
    /// The status and headers of the answer, as the middlewares the path skips would have set them: the tile's own
    /// (<see cref="XyzTileHandler.WriteHeaders"/>, 304 included), then CORS (which overrides the handler's "*") and the
    /// security headers, in their order. True when the tile's bytes follow.
    /// </summary>
    public bool WriteAnswerHeaders(HttpContext context, LayerDefinition layer, TileContent tile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = XyzTileHandler.WriteHeaders(context, layer, tile);
        _cors.Apply(context.Response);
        if (_securityHeaders.Enabled)
            _securityHeaders.Apply(context);
        return body;
    }

    /// <summary>The usage day of a request arriving now (as UsageMiddleware counts it).</summary>
    public DateOnly UsageDay() => _usage?.Today() ?? default;

    /// <summary>An answer given: the fast path's counter and the caller's usage (a 304 counts no tile).</summary>
    public void RecordAnswer(DateOnly day, LayerDefinition layer, bool notModified, long bytes, IPAddress? client)
    {
        _metrics?.Answered(notModified);
        _usage?.Record(day, AccessPrincipal.Anonymous, layer.Id, UsageProtocols.Xyz, notModified ? 0 : 1, 0, bytes, client);
    }

    private async Task FinishAsync(ValueTask<FlushResult> write, HttpContext context, DateOnly day, LayerDefinition layer, long bytes)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // As the endpoint: a client that left gets no answer, and its tile counts with the bytes not sent.
            RecordAnswer(day, layer, notModified: false, bytes: 0, context.Connection.RemoteIpAddress);
            return;
        }
        RecordAnswer(day, layer, notModified: false, bytes, context.Connection.RemoteIpAddress);
    }

    /// <summary>The public's tile, found as the tile endpoint would find it for an anonymous caller.</summary>
    private bool TryFind(XyzTileAddress address, [NotNullWhen(true)] out LayerDefinition? layer, [NotNullWhen(true)] out TileContent? tile)
    {
        layer = null;
        tile = null;
        if (_webMercatorQuad is null)
            return false;
        // With access rules, the catalog (and the tile service's view of it) depends on the request's principal: the
        // public's for the lookup, then whatever was there. Without rules every principal sees the same catalog.
        var scoped = !_security.Current.Rules.IsOpen;
        var previous = scoped ? AccessContext.Current : null;
        if (scoped)
            AccessContext.Current = AccessPrincipal.Anonymous;
        try
        {
            var snapshot = _catalog.Current;
            // Unknown or hidden from the public: the endpoint answers it (and the audit records a hidden one).
            if (snapshot.FindLayer(address.Layer) is null)
                return false;
            TileRequest parsed;
            try
            {
                parsed = XyzTileParser.Parse(address.Layer, address.Z, address.X, address.Y, address.Extension,
                    QueryCollection.Empty, snapshot, _webMercatorQuad, WmsTimeDimension.Today(_clock));
            }
            catch (ServiceException)
            {
                // Not a tile (zoom or x/y out of range, unknown extension): the endpoint answers it in its error form.
                return false;
            }
            // On a socket event thread (inline completions), the hit that would compact the tile goes to the pool.
            if (!_tiles.TryGetCached(ScopedTileService.Scoped(parsed), out var found, mayCompact: !IoThreadHandOff.OnEventThread))
                return false;
            layer = parsed.Layer;
            tile = found;
            return true;
        }
        finally
        {
            if (scoped)
                AccessContext.Current = previous;
        }
    }

    /// <summary>
    /// The XYZ tile endpoint, found once the endpoints are built (after this path is put in the pipeline). Without
    /// one, the server has no XYZ tiles and the path declines everything.
    /// </summary>
    private Endpoint? TileEndpoint()
    {
        if (_endpoint is { } known)
            return known;
        if (_endpointMissing || _endpoints is null)
            return null;
        foreach (var candidate in _endpoints.Endpoints)
        {
            if (candidate.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == XyzEndpoints.TileEndpointName)
                return _endpoint = candidate;
        }
        _endpointMissing = true;
        return null;
    }
}
