using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The current security generation. <see cref="ReloadAsync"/> validates a new one and swaps it in whole; on any
/// error the last good generation stays (and the errors are logged). The files of <c>security.files</c> are watched,
/// so editing a rules or keys file takes effect without a restart.
/// </summary>
public sealed class SecurityStore : IDisposable
{
    private SecurityLoader? _loader;
    private SecurityOptions _options;
    private ILogger _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private Timer? _debounce;
    private volatile SecurityState _current;

    public SecurityStore(SecurityState initial, SecurityOptions options, SecurityLoader? loader, ILogger? log = null)
    {
        _current = initial ?? throw new ArgumentNullException(nameof(initial));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loader = loader;
        _log = log ?? NullLogger.Instance;
    }

    public SecurityState Current => _current;

    /// <summary>The host's logger, once the host exists (the store is created before it).</summary>
    public void AttachLogger(ILogger log) => _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Raised after a successful reload (tests wait on it).</summary>
    public event Action<SecurityState>? Reloaded;

    /// <summary>Reads the section and its files again; returns the errors (empty = swapped in).</summary>
    public async Task<IReadOnlyList<string>> ReloadAsync(CancellationToken cancellationToken)
    {
        if (_loader is null)
            return [];
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (state, errors) = await _loader.LoadAsync(_options, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                foreach (var error in errors)
                    _log.LogError("Security reload rejected, keeping the previous rules: {Error}", error);
                return errors;
            }
            _current = state;
            _log.LogInformation("Security reloaded: {Rules} rules, {Keys} API keys, {Users} users",
                state.Rules.Rules.Count, state.ApiKeys.Count, state.Users.Count);
            Reloaded?.Invoke(state);
            return [];
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// Swaps in a generation validated elsewhere against a reloaded catalog (Reload.CatalogReloader), with the loader
    /// later file edits are validated by: its catalog and sources are the new ones. The watched files stay those of
    /// the start.
    /// </summary>
    public async Task RebaseAsync(SecurityLoader? loader, SecurityOptions options, SecurityState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _loader = loader;
            _options = options;
            _current = state;
            Reloaded?.Invoke(state);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Watches the <c>security.files</c>; a burst of change events reloads once, half a second later.</summary>
    public void Watch()
    {
        if (_loader is null)
            return;
        _debounce = new Timer(_ => _ = ReloadQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var file in _options.Files)
        {
            var path = _loader.ResolvePath(file);
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler changed = (_, _) => _debounce.Change(500, Timeout.Infinite);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Renamed += (_, _) => _debounce.Change(500, Timeout.Infinite);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Security reload failed, keeping the previous rules");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        _debounce?.Dispose();
        _reloading.Dispose();
    }
}
