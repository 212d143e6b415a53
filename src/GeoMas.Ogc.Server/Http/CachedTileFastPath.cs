using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
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
        if (!HttpMethods.IsGet(request.Method)
            || !XyzTileAddress.TryParse(request.Path.Value, out var address)
            || SecurityMiddleware.CarriesCredentials(request)
            || XyzLayerOptions.MayName(request.QueryString.Value)
            || TileEndpoint() is not { } endpoint)
        {
            return null;
        }
        // As UsageMiddleware: the day the request arrived.
        var day = _usage?.Today() ?? default;
        if (!TryFind(address, out var layer, out var tile))
            return null;

        Interlocked.Increment(ref _answered);
        context.SetEndpoint(endpoint);
        if (!_requestDuration && context.Features.Get<IHttpMetricsTagsFeature>() is { } requestMetrics)
            requestMetrics.MetricsDisabled = true;
        var response = context.Response;
        var body = XyzTileHandler.WriteHeaders(context, layer, tile);
        _metrics?.Answered(notModified: !body);
        // The headers the middlewares add as the response starts, in their order (CORS overrides the handler's "*").
        _cors.Apply(response);
        if (_securityHeaders.Enabled)
            _securityHeaders.Apply(context);
        if (!body)
        {
            Meter(context, day, layer, tiles: 0, bytes: 0);
            return Task.CompletedTask;
        }

        var write = response.BodyWriter.WriteAsync(tile.Bytes, context.RequestAborted);
        if (write.IsCompletedSuccessfully)
        {
            Meter(context, day, layer, tiles: 1, bytes: tile.Bytes.Length);
            return Task.CompletedTask;
        }
        return FinishAsync(write, context, day, layer, tile.Bytes.Length);
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
            Meter(context, day, layer, tiles: 1, bytes: 0);
            return;
        }
        Meter(context, day, layer, tiles: 1, bytes);
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

    private void Meter(HttpContext context, DateOnly day, LayerDefinition layer, long tiles, long bytes) =>
        _usage?.Record(day, AccessPrincipal.Anonymous, layer.Id, UsageProtocols.Xyz, tiles, 0, bytes, context.Connection.RemoteIpAddress);

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
