namespace GeoMas.Ogc.Server.Reload;

/// <summary>The <c>reload</c> section: configuration reload without restart (catalog, styles, rules).</summary>
public sealed class ReloadOptions
{
    /// <summary>Watch the configuration folder (JSON files, style files) and reload after a change.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last file event before reloading (an editor's save is several events).</summary>
    public int DebounceMilliseconds { get; set; } = 1000;

    /// <summary>How long a replaced source (its connection pool) stays open for requests that started before the reload.</summary>
    public int DrainSeconds { get; set; } = 60;
}
