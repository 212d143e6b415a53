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
    private readonly Lock _swap = new();
    private volatile SecurityState _current;
    // The generation validated from the configuration, before the credential store's keys and users are added.
    private SecurityState _base;
    private Store.StoredCredentials _stored = Store.StoredCredentials.None;

    public SecurityStore(SecurityState initial, SecurityOptions options, SecurityLoader? loader, ILogger? log = null)
    {
        _current = initial ?? throw new ArgumentNullException(nameof(initial));
        _base = initial;
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
            Publish(state, null);
            _log.LogInformation("Security reloaded: {Rules} rules, {Keys} API keys, {Users} users",
                state.Rules.Rules.Count, state.ApiKeys.Count, state.Users.Count);
            Reloaded?.Invoke(_current);
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
            Publish(state, null);
            Reloaded?.Invoke(_current);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// The keys and users of the credential store (Store.CredentialRefresher), added to those of the configuration;
    /// an id or name defined in both keeps the configuration's entry.
    /// </summary>
    public void SetStoredCredentials(Store.StoredCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Publish(null, credentials);
    }

    private void Publish(SecurityState? configured, Store.StoredCredentials? stored)
    {
        lock (_swap)
        {
            _base = configured ?? _base;
            _stored = stored ?? _stored;
            if (_stored.ApiKeys.Count == 0 && _stored.Users.Count == 0)
            {
                _current = _base;
                return;
            }
            var keys = _base.ApiKeys.Concat(_stored.ApiKeys.Where(k => !_base.ApiKeys.Any(b => b.Id == k.Id))).ToList();
            var users = new Dictionary<string, UserEntry>(_base.Users, StringComparer.Ordinal);
            foreach (var user in _stored.Users)
                users.TryAdd(user.Name, user);
            _current = _base with { ApiKeys = keys, Users = users };
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
