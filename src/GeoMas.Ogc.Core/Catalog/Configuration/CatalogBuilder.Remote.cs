using System.Globalization;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>The <c>remote</c> section of cascaded sources (<c>remote-wmts</c>, <c>remote-wms</c>).</summary>
public sealed partial class CatalogBuilder
{
    private RemoteSourceDefinition? BuildRemote(string where, SourceKind kind, RemoteSourceOptions? o)
    {
        if (o is null)
        {
            _errors.Add($"{where}: a {(kind == SourceKind.RemoteWmts ? "remote-wmts" : "remote-wms")} source needs a remote section (url, layers, ...)");
            return null;
        }
        where += ".remote";
        var url = ExpandRequired(where, "url", o.Url);
        Uri? uri = null;
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            _errors.Add($"{where}: url '{o.Url}' is not an absolute http(s) URL");
        if (string.IsNullOrWhiteSpace(o.Layers))
            _errors.Add($"{where}: layers is required");
        var format = string.IsNullOrWhiteSpace(o.Format) ? "image/png" : o.Format.Trim();
        if (format is not ("image/png" or "image/jpeg"))
            _errors.Add($"{where}: format '{format}' is not one of image/png, image/jpeg");

        var version = string.IsNullOrWhiteSpace(o.Version) ? "1.3.0" : o.Version.Trim();
        if (kind == SourceKind.RemoteWmts)
        {
            if (string.IsNullOrWhiteSpace(o.TileMatrixSet))
                _errors.Add($"{where}: tileMatrixSet is required");
            if (o.RequestEncoding?.ToLowerInvariant() is not (null or "auto" or "kvp" or "rest"))
                _errors.Add($"{where}: requestEncoding '{o.RequestEncoding}' is not one of auto, kvp, rest");
        }
        else
        {
            if (version is not ("1.3.0" or "1.1.1"))
                _errors.Add($"{where}: version '{version}' is not one of 1.3.0, 1.1.1");
            if (o.Srid is not { } srid)
                _errors.Add($"{where}: srid (the GetMap CRS) is required");
            else if (!_crs.IsSupported(srid))
                _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: srid {srid} is not a supported CRS"));
        }

        var d = new UpstreamPolicy();
        var policy = new UpstreamPolicy
        {
            AttemptTimeout = Seconds($"{where}.timeoutSeconds", o.TimeoutSeconds) ?? d.AttemptTimeout,
            TotalTimeout = Seconds($"{where}.totalTimeoutSeconds", o.TotalTimeoutSeconds) ?? d.TotalTimeout,
            MaxRetries = InRange($"{where}.retries", o.Retries, 0, 10) ?? d.MaxRetries,
            RetryDelay = o.RetryDelayMilliseconds is { } delay
                ? (delay is >= 1 and <= 60_000 ? TimeSpan.FromMilliseconds(delay) : Fail($"{where}.retryDelayMilliseconds is out of range [1, 60000]", d.RetryDelay))
                : d.RetryDelay,
            BreakerMinimumThroughput = InRange($"{where}.breakerMinimumThroughput", o.BreakerMinimumThroughput, 2, 10_000) ?? d.BreakerMinimumThroughput,
            BreakerFailureRatio = o.BreakerFailureRatio is { } ratio
                ? (ratio is > 0 and <= 1 ? ratio : Fail($"{where}.breakerFailureRatio is out of range (0, 1]", d.BreakerFailureRatio))
                : d.BreakerFailureRatio,
            // Polly's breaker needs at least 0.5 s for both durations.
            BreakerSamplingDuration = AtLeastHalfSecond($"{where}.breakerSamplingSeconds", o.BreakerSamplingSeconds) ?? d.BreakerSamplingDuration,
            BreakDuration = AtLeastHalfSecond($"{where}.breakSeconds", o.BreakSeconds) ?? d.BreakDuration,
            MaxConcurrentRequests = InRange($"{where}.maxConcurrentRequests", o.MaxConcurrentRequests, 1, 1024) ?? d.MaxConcurrentRequests,
            CapabilitiesRefreshInterval = o.CapabilitiesRefreshSeconds is { } refresh
                ? (refresh is >= 1 and <= 604_800 ? TimeSpan.FromSeconds(refresh) : Fail($"{where}.capabilitiesRefreshSeconds is out of range [1, 604800]", d.CapabilitiesRefreshInterval))
                : d.CapabilitiesRefreshInterval,
            CapabilitiesRetryInterval = Seconds($"{where}.capabilitiesRetrySeconds", o.CapabilitiesRetrySeconds) ?? d.CapabilitiesRetryInterval,
        };
        if (uri is null)
            return null;
        return new RemoteSourceDefinition
        {
            Url = uri,
            Layers = o.Layers?.Trim() ?? "",
            Styles = o.Styles?.Trim() ?? "",
            TileMatrixSet = o.TileMatrixSet?.Trim(),
            Format = format,
            RequestEncoding = o.RequestEncoding?.ToLowerInvariant() ?? "auto",
            Srid = o.Srid,
            Version = version,
            MaxSize = InRange($"{where}.maxSize", o.MaxSize, 16, 16384) ?? 4096,
            Policy = policy,
        };
    }

    private TimeSpan? AtLeastHalfSecond(string name, double? value)
    {
        if (value is not { } v)
            return null;
        if (v is >= 0.5 and <= 86_400)
            return TimeSpan.FromSeconds(v);
        _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} = {v} is out of range [0.5, 86400]"));
        return null;
    }

    private T Fail<T>(string message, T fallback)
    {
        _errors.Add(message);
        return fallback;
    }
}
