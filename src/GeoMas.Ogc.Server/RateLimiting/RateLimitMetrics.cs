using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>Requests refused with 429, on the <c>GeoMas.Ogc.Server</c> meter, per caller class.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "GeoMas.Ogc.Server";

    private readonly Counter<long> _rejections;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _rejections = meter.CreateCounter<long>("geomas.rate_limit.rejections", "{request}", "Requests refused by the rate limiter (HTTP 429).");
    }

    public void Rejected(RateLimitClass limitClass) =>
        _rejections.Add(1, new KeyValuePair<string, object?>("class", ClassTag(limitClass)));

    private static string ClassTag(RateLimitClass limitClass) => limitClass switch
    {
        RateLimitClass.ApiKey => "api_key",
        RateLimitClass.User => "user",
        _ => "anonymous",
    };
}
