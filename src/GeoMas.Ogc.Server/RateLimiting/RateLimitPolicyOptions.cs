namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>
/// One token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="Permits"/> every
/// <see cref="PeriodSeconds"/>. A bucket absorbs the bursts of a map client (a dozen tiles per pan) while holding
/// the sustained rate.
/// </summary>
public sealed class RateLimitPolicyOptions
{
    /// <summary>Bucket size: the most requests accepted back to back.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Tokens added every period (the sustained rate is Permits / PeriodSeconds).</summary>
    public int Permits { get; set; } = 50;

    public double PeriodSeconds { get; set; } = 1;
}
