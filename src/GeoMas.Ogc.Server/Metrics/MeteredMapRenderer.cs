using System.Diagnostics;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Server.Metrics;

/// <summary>Times every render of the decorated renderer into <see cref="RenderMetrics"/>; messages (INIMAGE, BLANK) are not renders.</summary>
public sealed class MeteredMapRenderer(IMapRenderer inner, RenderMetrics metrics) : IMapRenderer
{
    public async Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await inner.RenderAsync(request, output, cancellationToken).ConfigureAwait(false);
            failed = false;
        }
        finally
        {
            metrics.Rendered(Stopwatch.GetElapsedTime(started), request.Format.MimeType, failed);
        }
    }

    /// <summary>Not a map: the time counts in the tile render that asked for it.</summary>
    public Task<PlacedLabels?> PlaceLabelsAsync(MapRequest request, CancellationToken cancellationToken) =>
        inner.PlaceLabelsAsync(request, cancellationToken);

    public void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output) =>
        inner.RenderMessage(width, height, format, transparent, background, message, output);
}
