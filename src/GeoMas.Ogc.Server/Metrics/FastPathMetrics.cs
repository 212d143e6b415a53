using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Server.Metrics;

/// <summary>
/// Responses of the cached-tile fast path on the <c>GeoMas.Ogc.Server</c> meter. They are left out of ASP.NET Core's
/// http.server.request.duration unless <see cref="MetricsOptions.FastPathRequestDuration"/> is set: recording that
/// histogram (five tags hashed per request) costs about a tenth of serving a tile held in memory, and their duration
/// is below its first bucket anyway. A counter keeps them visible at a few nanoseconds.
/// </summary>
public sealed class FastPathMetrics
{
    public const string MeterName = "GeoMas.Ogc.Server";

    // Boxed once: a tag value is an object, and boxing the status on every response would allocate.
    private static readonly KeyValuePair<string, object?> Ok = new("http.response.status_code", 200);
    private static readonly KeyValuePair<string, object?> NotModified = new("http.response.status_code", 304);

    private readonly Counter<long> _responses;

    public FastPathMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _responses = meter.CreateCounter<long>("geomas.http.fast_path.responses", "{response}",
            "Tiles answered from memory by the cached-tile fast path (not in http.server.request.duration unless metrics.fastPathRequestDuration).");
    }

    public void Answered(bool notModified) => _responses.Add(1, notModified ? NotModified : Ok);
}
