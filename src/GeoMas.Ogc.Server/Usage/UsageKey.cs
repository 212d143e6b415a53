namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// One line of the metering table. Empty strings stand for "none" (anonymous has no partner or principal, a
/// request that named no layer has no layer), so the key is the same in memory, in files and in SQL primary keys.
/// </summary>
public readonly record struct UsageKey(DateOnly Day, string Partner, string Principal, string Layer, string Protocol);
