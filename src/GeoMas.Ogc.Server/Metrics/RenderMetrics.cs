using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Server.Metrics;

/// <summary>The map renderer's timing on the <c>GeoMas.Ogc.Rendering</c> meter (every GetMap, tile and metatile render).</summary>
public sealed class RenderMetrics
{
    public const string MeterName = "GeoMas.Ogc.Rendering";

    private readonly Histogram<double> _duration;

    public RenderMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        // Seconds, as the OpenTelemetry conventions want durations; the buckets follow http.server.request.duration's.
        _duration = meter.CreateHistogram<double>("geomas.map.render.duration", "s", "Time to render and encode one map image.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10] });
    }

    public void Rendered(TimeSpan elapsed, string mimeType, bool failed) =>
        _duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("format", mimeType),
            new KeyValuePair<string, object?>("outcome", failed ? "error" : "ok"));
}
