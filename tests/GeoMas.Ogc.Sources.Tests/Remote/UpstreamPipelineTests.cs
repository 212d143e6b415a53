using System.Net;
using System.Net.Http.Headers;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.Remote.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GeoMas.Ogc.Sources.Tests.Remote;

public sealed class UpstreamPipelineTests
{
    private static readonly UpstreamPolicy Fast = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        TotalTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        BreakerMinimumThroughput = 4,
        BreakerFailureRatio = 0.5,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromMilliseconds(600),
        MaxConcurrentRequests = 2,
    };

    private static ValueTask<HttpResponseMessage> Answer(HttpStatusCode status, string mediaType = "image/png")
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([1, 2, 3]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return ValueTask.FromResult(response);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_it_succeeds()
    {
        var pipeline = UpstreamPipeline.Create(Fast);
        var calls = 0;
        using var response = await pipeline.ExecuteAsync(_ => ++calls < 3 ? Answer(HttpStatusCode.ServiceUnavailable) : Answer(HttpStatusCode.OK), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var pipeline = UpstreamPipeline.Create(Fast);
        var calls = 0;
        using var response = await pipeline.ExecuteAsync(_ => { calls++; return Answer(HttpStatusCode.NotFound); }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_is_retried()
    {
        var pipeline = UpstreamPipeline.Create(Fast);
        var calls = 0;
        using var response = await pipeline.ExecuteAsync(async token =>
        {
            if (++calls == 1)
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            return await Answer(HttpStatusCode.OK);
        }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Failures_open_the_breaker_then_a_probe_after_the_break_closes_it()
    {
        var pipeline = UpstreamPipeline.Create(Fast with { MaxRetries = 0 });
        var calls = 0;
        for (var i = 0; i < 4; i++)
        {
            using var failed = await pipeline.ExecuteAsync(_ => { calls++; return Answer(HttpStatusCode.InternalServerError); }, CancellationToken.None);
        }
        Assert.Equal(4, calls);

        // Open: the upstream is not called at all.
        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
            await pipeline.ExecuteAsync(_ => { calls++; return Answer(HttpStatusCode.OK); }, CancellationToken.None));
        Assert.Equal(4, calls);

        // Half-open after the break: one probe goes through, succeeds, and closes the circuit.
        await Task.Delay(Fast.BreakDuration + TimeSpan.FromMilliseconds(200));
        using (var probe = await pipeline.ExecuteAsync(_ => { calls++; return Answer(HttpStatusCode.OK); }, CancellationToken.None))
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        using (var next = await pipeline.ExecuteAsync(_ => { calls++; return Answer(HttpStatusCode.OK); }, CancellationToken.None))
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(6, calls);
    }

    [Fact]
    public async Task A_service_exception_instead_of_an_image_counts_for_the_breaker()
    {
        var pipeline = UpstreamPipeline.Create(Fast with { MaxRetries = 0 });
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
            request.Options.Set(UpstreamPipeline.ExpectsImage, true);
            using var failed = await pipeline.ExecuteAsync(async _ =>
            {
                var response = await Answer(HttpStatusCode.OK, "application/vnd.ogc.se_xml");
                response.RequestMessage = request;
                return response;
            }, CancellationToken.None);
        }
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(_ => Answer(HttpStatusCode.OK), CancellationToken.None));
    }

    [Fact]
    public async Task The_total_timeout_bounds_retries_of_a_hung_upstream()
    {
        var pipeline = UpstreamPipeline.Create(Fast with { TotalTimeout = TimeSpan.FromMilliseconds(700), MaxRetries = 10 });
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutRejectedException>(async () =>
            await pipeline.ExecuteAsync(async token =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return await Answer(HttpStatusCode.OK);
            }, CancellationToken.None));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}"); // 10 retries of 30 s would take minutes
    }

    [Fact]
    public async Task At_most_the_configured_number_of_requests_run_at_once()
    {
        var pipeline = UpstreamPipeline.Create(Fast with { MaxConcurrentRequests = 2, AttemptTimeout = TimeSpan.FromSeconds(5) });
        var running = 0;
        var peak = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pipeline.ExecuteAsync(async token =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(50, token);
            Interlocked.Decrement(ref running);
            return await Answer(HttpStatusCode.OK);
        }, CancellationToken.None).AsTask()));
        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
