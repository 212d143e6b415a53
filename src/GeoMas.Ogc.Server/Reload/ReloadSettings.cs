namespace GeoMas.Ogc.Server.Reload;

/// <summary>Where the configuration came from at start (read again on reload) and the <c>reload</c> section.</summary>
public sealed record ReloadSettings(string? ConfigPath, string[] HostArgs, string ConfigDirectory, ReloadOptions Options);
