using GeoMas.Ogc.Core.Caching;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoMas.Ogc.Sources.PostGis.ChangeTracking;

/// <summary>
/// LISTENs to <c>geomas_changes</c> on one dedicated connection (LISTEN needs a session: pooled connections would
/// drop it) and reports each notification. When the database goes away it reconnects with a capped exponential
/// backoff; after a reconnection it reports <see cref="DataChange.SourceUnknown"/>, because whatever was committed
/// while nobody listened was never seen and the cache must not trust itself for that source any more.
/// </summary>
public sealed class PostGisChangeListener : IDataChangeFeed
{
    private readonly string _connectionString;
    private readonly ILogger _log;

    public PostGisChangeListener(string sourceId, string connectionString, ILogger log)
    {
        SourceId = sourceId;
        // Keepalive: a half-open TCP connection (database host gone) is noticed by the pings below anyway, this makes it sooner.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 30,
            // Visible in pg_stat_activity, so a DBA (and the reconnection test) can tell this session apart.
            ApplicationName = ("geomas changes " + sourceId) is { Length: > 63 } name ? name[..63] : "geomas changes " + sourceId,
        }.ConnectionString;
        _log = log;
    }

    public string SourceId { get; }

    /// <summary>How often an idle connection is checked with a round trip.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Raised each time LISTEN is in place (first time and after each reconnection); tests wait on it.</summary>
    public event Action? Listening;

    public async Task RunAsync(Action<DataChange> onChange, CancellationToken cancellationToken)
    {
        var failures = 0;
        var listenedBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (ChangeNotification.Parse(SourceId, e.Payload) is { } change)
                        onChange(change);
                    else
                        _log.LogWarning("Ignored a malformed {Channel} notification from source {Source}: {Payload}", ChangeNotification.Channel, SourceId, e.Payload);
                };
                await using (var listen = new NpgsqlCommand("LISTEN " + ChangeNotification.Channel, connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                if (listenedBefore)
                {
                    _log.LogWarning("Change listener of source {Source} reconnected; changes made while disconnected are unknown, its layers are invalidated whole", SourceId);
                    onChange(DataChange.SourceUnknown(SourceId));
                }
                else
                {
                    _log.LogInformation("Listening to data changes of source {Source}", SourceId);
                }
                listenedBefore = true;
                failures = 0;
                Listening?.Invoke();

                while (true)
                {
                    if (!await connection.WaitAsync(PingInterval, cancellationToken).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever went wrong, the listener must not die: a server that stopped listening would serve stale tiles silently.
            catch (Exception ex)
            {
                var delay = Backoff(failures++);
                _log.LogWarning("Change listener of source {Source} lost the database ({ErrorType}: {Error}); retrying in {Delay} ms",
                    SourceId, ex.GetType().Name, ex.Message, (int)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ms = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 16));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxBackoff.TotalMilliseconds));
    }
}
