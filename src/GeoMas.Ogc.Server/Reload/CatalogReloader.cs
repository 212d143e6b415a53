using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Security;
using GeoMas.Ogc.Sources;
using GeoMas.Ogc.Sources.Rasters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// Reads the configuration chain again from disk and, when it passes the same checks as <c>geomas check</c>
/// (binding, catalog build with every style file, tables, columns and SRIDs in the databases, then the security
/// rules against the new layers), swaps catalog and rules in. On any error nothing changes: the last good snapshot
/// keeps serving, the errors are logged, kept in <see cref="Status"/> (readiness details) and counted.
/// Sources whose definition did not change are carried over with their pools.
/// </summary>
public sealed class CatalogReloader : IDisposable
{
    private readonly CatalogSnapshotStore _store;
    private readonly ReloadSettings _settings;
    private readonly CrsRegistry _crs;
    private readonly IStyleReader _styles;
    private readonly Func<RasterSourceRegistry> _rasters;
    private readonly SecurityStore _security;
    private readonly ReloadMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ReloadStatus? _status;
    private DateTimeOffset? _lastSuccess;

    public CatalogReloader(
        CatalogSnapshotStore store, ReloadSettings settings, CrsRegistry crs, IStyleReader styles, Func<RasterSourceRegistry> rasters,
        SecurityStore security, ReloadMetrics metrics, TimeProvider? time = null, ILogger? log = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
        _styles = styles ?? throw new ArgumentNullException(nameof(styles));
        _rasters = rasters ?? throw new ArgumentNullException(nameof(rasters));
        _security = security ?? throw new ArgumentNullException(nameof(security));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>The last attempt's outcome; null until the first reload.</summary>
    public ReloadStatus? Status => _status;

    /// <summary>Validates the configuration on disk and swaps it in, or keeps the current one and reports why.</summary>
    public async Task<ReloadStatus> ReloadAsync(CancellationToken cancellationToken)
    {
        // One reload at a time: a watcher burst and an admin call must not build two generations side by side.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var attemptedAt = _time.GetUtcNow();
            var errors = await TryReloadAsync(cancellationToken).ConfigureAwait(false);
            var succeeded = errors.Count == 0;
            if (succeeded)
                _lastSuccess = attemptedAt;
            var status = new ReloadStatus(attemptedAt, succeeded, errors, _store.Current.UpdateSequence, _lastSuccess);
            _status = status;
            _metrics.Reloaded(succeeded);
            if (succeeded)
            {
                _log.LogInformation("Configuration reloaded: {Layers} layers, {Sources} sources, updateSequence {UpdateSequence}",
                    _store.Current.Layers.Count, _store.Current.Sources.Count, status.UpdateSequence);
            }
            else
            {
                foreach (var error in errors)
                    _log.LogError("Configuration reload rejected, keeping the running configuration: {Error}", error);
            }
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<string>> TryReloadAsync(CancellationToken cancellationToken)
    {
        // A fresh configuration (files, then environment and command line as at start), so a broken file never
        // reaches the live IConfiguration and a changed "extends" chain is followed.
        using var configuration = new ConfigurationManager();
        string? directory, error;
        try
        {
            directory = GeoMasConfiguration.AddGeoMasSources(configuration, _settings.ConfigPath, _settings.HostArgs, out _, out error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            // A file caught half written by an editor: the next change event reloads again.
            return [$"configuration: {ex.Message}"];
        }
        if (directory is null)
            return [error ?? "configuration: cannot be read"];
        GeoMasOptions options;
        try
        {
            options = configuration.Get<GeoMasOptions>() ?? new GeoMasOptions();
        }
        catch (InvalidOperationException ex)
        {
            return [$"configuration: {ex.Message} {ex.InnerException?.Message}".TrimEnd()];
        }

        var built = CatalogBuilder.Build(options, directory, _styles, _crs);
        if (!built.Succeeded)
            return built.Errors;
        var current = _store.Generation;
        var rasterErrors = RasterChanges.Between(current.Snapshot, built.Snapshot!);
        if (rasterErrors.Count > 0)
            return rasterErrors;
        var draft = _rasters().WithSourceExtents(built.Snapshot!);

        SourceRegistry sources;
        try
        {
            sources = new SourceRegistry(draft.Sources.Values, _crs, current.Sources);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
        {
            return [$"sources: {ex.Message}"];
        }
        // As `geomas check`: an unreachable source is an error (a reload must not publish degraded layers).
        var loaded = await CatalogLoader.LoadAsync(draft, sources, sources.All, _crs, requireSources: true, cancellationToken).ConfigureAwait(false);
        if (!loaded.Succeeded)
        {
            await sources.DisposeReplacedAsync(current.Sources).ConfigureAwait(false);
            return loaded.Errors;
        }

        var (loader, securityOptions, security, securityErrors) = await LoadSecurityAsync(configuration, directory, loaded.Snapshot!, sources, cancellationToken).ConfigureAwait(false);
        if (security is null)
        {
            await sources.DisposeReplacedAsync(current.Sources).ConfigureAwait(false);
            return securityErrors;
        }

        _store.Swap(new CatalogGeneration(loaded.Snapshot!, sources), TimeSpan.FromSeconds(Math.Clamp(_settings.Options.DrainSeconds, 0, 3600)));
        await _security.RebaseAsync(loader, securityOptions, security, cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>The <c>security</c> section validated against the new catalog (rules may name new or removed layers).</summary>
    private async Task<(SecurityLoader? Loader, SecurityOptions Options, SecurityState? State, IReadOnlyList<string> Errors)> LoadSecurityAsync(
        IConfiguration configuration, string directory, CatalogSnapshot catalog, SourceRegistry sources, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("security");
        if (!section.Exists())
            return (null, new SecurityOptions(), SecurityState.Open, []);
        SecurityOptions options;
        try
        {
            options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        }
        catch (InvalidOperationException ex)
        {
            return (null, new SecurityOptions(), null, [$"security: {ex.Message}"]);
        }
        var loader = new SecurityLoader(catalog, sources, _crs, directory);
        var (state, errors) = await loader.LoadAsync(options, cancellationToken).ConfigureAwait(false);
        return (loader, options, state, errors);
    }

    public void Dispose() => _gate.Dispose();
}
