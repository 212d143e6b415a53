using GeoMas.Ogc.Core.Rasters;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

/// <summary>
/// An in-memory georeferenced image with known pixels (a fixture for the painter, not a stand-in for the COG
/// reader): answers reads at full resolution, snapped outward to its own pixel grid and clipped to its extent.
/// </summary>
internal sealed class SyntheticRaster : IRasterSource
{
    private readonly byte[] _pixels;

    public SyntheticRaster(int srid, double originX, double originY, double resolution, int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        Width = width;
        Height = height;
        Resolution = resolution;
        OriginX = originX;
        OriginY = originY;
        _pixels = new byte[width * height * 4];
        var opaque = true;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                var p = (y * width + x) * 4;
                _pixels[p] = r;
                _pixels[p + 1] = g;
                _pixels[p + 2] = b;
                _pixels[p + 3] = a;
                opaque &= a == 255;
            }
        }
        Info = new RasterInfo(srid, new Envelope(originX, originX + width * resolution, originY - height * resolution, originY), resolution, resolution, opaque);
    }

    public int Width { get; }
    public int Height { get; }
    public double Resolution { get; }
    public double OriginX { get; }
    public double OriginY { get; }
    public RasterInfo Info { get; }
    public List<RasterReadRequest> Requests { get; } = [];

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var p = (y * Width + x) * 4;
        return (_pixels[p], _pixels[p + 1], _pixels[p + 2], _pixels[p + 3]);
    }

    /// <summary>World coordinates of the centre of pixel (x, y).</summary>
    public (double X, double Y) Centre(int x, int y) => (OriginX + (x + 0.5) * Resolution, OriginY - (y + 0.5) * Resolution);

    public ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
            Requests.Add(request);
        var wanted = request.Extent.Intersection(Info.Extent);
        if (wanted.IsNull || wanted.Width <= 0 || wanted.Height <= 0)
            return ValueTask.FromResult<RasterWindow?>(null);
        var c0 = Math.Max(0, (int)Math.Floor((wanted.MinX - OriginX) / Resolution + 1e-9));
        var c1 = Math.Min(Width, (int)Math.Ceiling((wanted.MaxX - OriginX) / Resolution - 1e-9));
        var r0 = Math.Max(0, (int)Math.Floor((OriginY - wanted.MaxY) / Resolution + 1e-9));
        var r1 = Math.Min(Height, (int)Math.Ceiling((OriginY - wanted.MinY) / Resolution - 1e-9));
        var extent = new Envelope(OriginX + c0 * Resolution, OriginX + c1 * Resolution, OriginY - r1 * Resolution, OriginY - r0 * Resolution);
        var window = RasterWindow.Rent(c1 - c0, r1 - r0, extent);
        var pixels = window.Pixels;
        for (var r = r0; r < r1; r++)
            _pixels.AsSpan((r * Width + c0) * 4, (c1 - c0) * 4).CopyTo(pixels.Slice((r - r0) * window.Stride));
        return ValueTask.FromResult<RasterWindow?>(window);
    }
}
