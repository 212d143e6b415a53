using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>Opens cascaded sources the way the raster registry does, and compares their windows with upstream images.</summary>
internal static class CascadeTestSupport
{
    public static readonly CrsRegistry Crs = new();

    /// <summary>Fast-failing policy for tests (short timeouts and break).</summary>
    public static readonly UpstreamPolicy FastPolicy = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        BreakerMinimumThroughput = 4,
        BreakerFailureRatio = 0.5,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(1),
        MaxConcurrentRequests = 4,
        CapabilitiesRetryInterval = TimeSpan.FromMilliseconds(100),
    };

    public static IRasterSource Open(RemoteSourceMonitor monitor, SourceKind kind, RemoteSourceDefinition remote, int srid)
    {
        var source = new SourceDefinition { Id = "upstream", Kind = kind, Connection = remote.Url.ToString(), Remote = remote };
        var layer = new LayerDefinition { Id = "cascade", Title = "cascade", Kind = LayerKind.Raster, SourceId = "upstream", Srid = srid, Extent = Crs.ValidBounds(srid) };
        return new RemoteRasterSourceFactory(Crs, monitor).Open(source, layer);
    }

    public static async Task<IRemoteRasterSource> OpenReadyAsync(RemoteSourceMonitor monitor, SourceKind kind, RemoteSourceDefinition remote, int srid)
    {
        var source = (IRemoteRasterSource)Open(monitor, kind, remote, srid);
        Assert.True(await source.RefreshCapabilitiesAsync(CancellationToken.None), source.LastError);
        return source;
    }

    public static SKBitmap Decode(byte[] bytes) =>
        RemoteImageDecoder.Decode(bytes) ?? throw new InvalidOperationException("not an image: " + System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(300, bytes.Length))));

    /// <summary>Asserts that <paramref name="window"/> at (x, y) holds exactly <paramref name="image"/>'s pixels.</summary>
    public static void AssertSamePixels(SKBitmap image, RasterWindow window, int x, int y)
    {
        var expected = image.GetPixelSpan();
        var actual = window.Pixels;
        var differing = 0;
        for (var row = 0; row < image.Height; row++)
        {
            for (var col = 0; col < image.Width * 4; col++)
            {
                if (expected[(row * image.RowBytes) + col] != actual[((y + row) * window.Stride) + (x * 4) + col])
                    differing++;
            }
        }
        Assert.True(differing == 0, $"{differing} bytes differ from the upstream image at ({x}, {y})");
    }

    public static bool HasVisiblePixels(RasterWindow window)
    {
        var pixels = window.Pixels;
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0)
                return true;
        }
        return false;
    }

    public static Envelope Box(double minX, double minY, double maxX, double maxY) => new(minX, maxX, minY, maxY);
}
