using System.Net;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using Microsoft.Extensions.Http.Resilience;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace GeoMas.Ogc.Sources.Remote.Http;

/// <summary>
/// The one HTTP client of one upstream: pooled connections (recycled every few minutes so DNS changes are seen)
/// behind the upstream's <see cref="UpstreamPipeline"/>. Every failure — network, timeout, 5xx after retries,
/// open circuit — leaves as a <see cref="ServiceException"/> of kind Unavailable ("upstream unavailable"), which
/// every protocol writes as its own exception with HTTP 503, and which the tile cache never stores.
/// </summary>
public sealed class UpstreamClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _name;
    private readonly CircuitBreakerStateProvider _breaker = new();

    public UpstreamClient(string name, UpstreamPolicy policy, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _name = name;
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = policy.AttemptTimeout,
            MaxConnectionsPerServer = policy.MaxConcurrentRequests,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        };
        _http = new HttpClient(new ResilienceHandler(UpstreamPipeline.Create(policy, timeProvider, _breaker)) { InnerHandler = sockets })
        {
            // The pipeline times requests out; this only bounds reading a body that trickles after its headers.
            Timeout = policy.TotalTimeout + policy.AttemptTimeout,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("GeoMas.Ogc-cascade/1.0");
    }

    /// <summary>
    /// False while the breaker is open or half-open: a half-open breaker lets one probe through and rejects the rest,
    /// so a reader of many tiles should send one request alone first.
    /// </summary>
    public bool IsCircuitClosed => _breaker.CircuitState == CircuitState.Closed;

    /// <summary>GETs <paramref name="uri"/> and buffers the body. Non-success statuses are returned, not thrown (404 = no tile).</summary>
    /// <exception cref="ServiceException">Unavailable: the upstream could not be reached, timed out, kept failing, or its circuit is open.</exception>
    public async Task<UpstreamResponse> GetAsync(Uri uri, bool expectsImage, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(UpstreamPipeline.ExpectsImage, expectsImage);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
            if ((int)response.StatusCode >= 500)
                throw Unavailable($"answered HTTP {(int)response.StatusCode}", null);
            return new UpstreamResponse(response.StatusCode, mediaType, body);
        }
        catch (BrokenCircuitException e)
        {
            throw Unavailable("keeps failing (circuit open; retried later)", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw Unavailable("did not answer in time", e);
        }
        catch (RateLimiterRejectedException e)
        {
            throw Unavailable("has too many requests queued", e);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("cannot be reached: " + e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout (a body that trickles in too slowly).
            throw Unavailable("did not answer in time", e);
        }
    }

    private ServiceException Unavailable(string what, Exception? inner) =>
        ServiceException.Unavailable($"Upstream unavailable: '{_name}' {what}.", inner);

    public void Dispose() => _http.Dispose();
}
