using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// Watches the configuration folder and its subfolders (styles/ included) for JSON and SLD edits and reloads once
/// the burst of events has been quiet for <see cref="ReloadOptions.DebounceMilliseconds"/>: an editor's save, a
/// `git pull` or a config-management run each become a single reload.
/// </summary>
public sealed class ConfigFolderWatcher(CatalogReloader reloader, ReloadSettings settings, ILogger<ConfigFolderWatcher>? log = null) : IHostedService, IDisposable
{
    private static readonly string[] Watched = [".json", ".sld", ".xml"];

    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Options.Watch || !Directory.Exists(settings.ConfigDirectory))
            return Task.CompletedTask;
        _debounce = new Timer(_ => _ = ReloadQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(settings.ConfigDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, e) => Touched(e.FullPath);
        _watcher.Created += (_, e) => Touched(e.FullPath);
        _watcher.Deleted += (_, e) => Touched(e.FullPath);
        _watcher.Renamed += (_, e) => Touched(e.FullPath);
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    private void Touched(string path)
    {
        // Data files (GeoPackages, rasters, their -wal/-journal files) change without any configuration change.
        // "..data" is the symlink a Kubernetes ConfigMap volume swaps to publish new files all at once.
        if (Watched.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
            || Path.GetFileName(path).StartsWith("..data", StringComparison.Ordinal))
            _debounce?.Change(Math.Clamp(settings.Options.DebounceMilliseconds, 50, 60_000), Timeout.Infinite);
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await reloader.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reloader reports configuration errors itself; this is for the unexpected (a disposed host).
            _log.LogError(ex, "Configuration reload failed, keeping the running configuration");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
            _watcher.EnableRaisingEvents = false;
        _debounce?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
