using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Core.Usage;

public static class UsageRecorderExtensions
{
    /// <summary>
    /// GetFeatureInfo (WMS and WMTS): each layer queried under the pixel, and the features found. Null (metering
    /// off) records nothing.
    /// </summary>
    public static void FeatureInfo(this IUsageRecorder? usage, IReadOnlyList<FeatureInfoResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (usage is null)
            return;
        foreach (var result in results)
        {
            usage.Layer(result.Layer.Id);
            usage.Features(result.Features.Count);
        }
    }
}
