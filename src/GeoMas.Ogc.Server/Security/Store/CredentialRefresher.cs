using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GeoMas.Ogc.Server.Security.Store;

/// <summary>
/// Keeps the <see cref="SecurityStore"/>'s stored credentials current: a first read before the server takes
/// requests, then a re-read on each NOTIFY of the credential tables and every <c>refreshSeconds</c> (a NOTIFY is
/// lost while the listening connection is down). A failed read keeps the last credentials read.
/// </summary>
public sealed class CredentialRefresher(
    PostgresCredentialStore store, SecurityStore security, CredentialStoreOptions options, ILogger<CredentialRefresher>? log = null) : BackgroundService
{
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _log.LogError("Credential store unreachable at start, retrying in the background: {Error}", ex.Message);
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(options.RefreshSeconds, 1, 86_400));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(store.ConnectionString);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresCredentialStore.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                // Listening now: anything changed before this point is caught by this read.
                await store.EnsureTablesAsync(stoppingToken).ConfigureAwait(false);
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // True on a NOTIFY, false when the period passed: re-read in both cases.
                    await connection.WaitAsync(period, stoppingToken).ConfigureAwait(false);
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                _log.LogError("Credential store read failed, keeping the credentials read before: {Error}", ex.Message);
                try
                {
                    await Task.Delay(period, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var credentials = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        security.SetStoredCredentials(credentials);
    }
}
