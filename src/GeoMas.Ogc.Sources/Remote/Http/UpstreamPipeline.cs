using System.Net;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GeoMas.Ogc.Sources.Remote.Http;

/// <summary>
/// The resilience pipeline of one upstream, outermost first: a concurrency cap (queued, never rejected while the
/// queue has room), a total timeout, retries with exponential backoff and jitter on transient failures, a circuit
/// breaker, and a per-attempt timeout. The breaker sits inside the retry so that every attempt is counted, and a
/// retry never hammers an open circuit (an open circuit is not transient).
/// </summary>
public static class UpstreamPipeline
{
    /// <summary>
    /// Marks requests whose answer must be an image (GetMap, GetTile): a 200 carrying XML is then an OGC service
    /// exception, a failure for the breaker even though HTTP says success.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> ExpectsImage = new("geomas.expectsImage");

    /// <param name="breakerState">Receives the breaker's state (callers fetching many tiles send a lone probe while it is not closed).</param>
    public static ResiliencePipeline<HttpResponseMessage> Create(UpstreamPolicy policy, TimeProvider? timeProvider = null, CircuitBreakerStateProvider? breakerState = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (timeProvider is not null)
            builder.TimeProvider = timeProvider;
        builder
            .AddConcurrencyLimiter(policy.MaxConcurrentRequests, queueLimit: 100_000)
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = policy.TotalTimeout, Name = "total" });
        // Polly refuses a retry strategy with no attempts: retries = 0 means no retry strategy at all.
        if (policy.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxRetries,
                Delay = policy.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Retry-After of a 503/429 is honoured, but never beyond the total timeout anyway.
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }
        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = policy.BreakerFailureRatio,
                MinimumThroughput = policy.BreakerMinimumThroughput,
                SamplingDuration = policy.BreakerSamplingDuration,
                BreakDuration = policy.BreakDuration,
                StateProvider = breakerState,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) || IsServiceException(args.Outcome)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = policy.AttemptTimeout, Name = "attempt" })
            .Build();
    }

    /// <summary>Network errors, attempt timeouts, 5xx, 408 and 429: worth another try.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        { Exception: BrokenCircuitException } => false,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };

    private static bool IsServiceException(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.OK } response
        && response.RequestMessage?.Options.TryGetValue(ExpectsImage, out var image) == true && image
        && response.Content.Headers.ContentType?.MediaType is { } type
        && (type.Contains("xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
}
