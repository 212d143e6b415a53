using StackExchange.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Health;

/// <summary>
/// Readiness of the shared Redis (tile cache, layer revisions, invalidation bus): one PING on a connection of its
/// own, so the check sees Redis itself rather than the tile store's circuit breaker. A Redis outage is reported with
/// the registration's failure status — Degraded by default: tiles are still rendered, only without the shared cache.
/// </summary>
public sealed class RedisHealthCheck : IHealthCheck, IAsyncDisposable
{
    private readonly ConfigurationOptions _options;
    private readonly Lock _connecting = new();
    private Task<ConnectionMultiplexer>? _connection;

    public RedisHealthCheck(string configuration)
    {
        _options = ConfigurationOptions.Parse(configuration);
        _options.AbortOnConnectFail = false;
        _options.BacklogPolicy = BacklogPolicy.FailFast;
        _options.ConnectTimeout = Math.Min(_options.ConnectTimeout, 2000);
        _options.AsyncTimeout = Math.Min(_options.AsyncTimeout, 2000);
        _options.ClientName ??= "geomas-health";
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var connection = await Connection().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(FormattableString.Invariant($"PING {latency.TotalMilliseconds:0.#} ms"));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"redis ({_options.ToString(includePassword: false)}) unreachable: {ex.Message}");
        }
    }

    /// <summary>The multiplexer reconnects by itself once created; a first connect that failed outright is retried.</summary>
    private Task<ConnectionMultiplexer> Connection()
    {
        lock (_connecting)
        {
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
                _connection = ConnectionMultiplexer.ConnectAsync(_options);
            return _connection;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connection;
        lock (_connecting)
            connection = _connection;
        if (connection is { IsCompletedSuccessfully: true })
            await connection.Result.DisposeAsync().ConfigureAwait(false);
    }
}
