using System.Buffers;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Rasters;

/// <summary>
/// Pixels read from a raster source: RGBA8888, straight (unpremultiplied) alpha, rows top to bottom,
/// stride = Width × 4. <see cref="Extent"/> is the exact native-CRS footprint of the pixel grid
/// (outer edges of the corner pixels). The buffer may be rented: dispose the window when done.
/// </summary>
public sealed class RasterWindow : IDisposable
{
    private byte[]? _pixels;
    private readonly bool _rented;

    public RasterWindow(int width, int height, Envelope extent, byte[] pixels, bool rented)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length < (long)width * height * 4)
            throw new ArgumentException("The pixel buffer is smaller than Width × Height × 4.", nameof(pixels));
        Width = width;
        Height = height;
        Extent = extent;
        _pixels = pixels;
        _rented = rented;
    }

    /// <summary>A window with a buffer rented from the shared pool, cleared to transparent.</summary>
    public static RasterWindow Rent(int width, int height, Envelope extent)
    {
        var length = checked(width * height * 4);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        Array.Clear(buffer, 0, length);
        return new RasterWindow(width, height, extent, buffer, rented: true);
    }

    public int Width { get; }
    public int Height { get; }
    public Envelope Extent { get; }
    public int Stride => Width * 4;

    /// <summary>The RGBA bytes (exactly Height × Stride long).</summary>
    public Span<byte> Pixels => (_pixels ?? throw new ObjectDisposedException(nameof(RasterWindow))).AsSpan(0, Height * Stride);

    /// <summary>The underlying array (may be longer than <see cref="Pixels"/> when rented) for APIs that need an array.</summary>
    public byte[] Buffer => _pixels ?? throw new ObjectDisposedException(nameof(RasterWindow));

    public double ResolutionX => Extent.Width / Width;
    public double ResolutionY => Extent.Height / Height;

    public void Dispose()
    {
        var pixels = Interlocked.Exchange(ref _pixels, null);
        if (pixels is not null && _rented)
            ArrayPool<byte>.Shared.Return(pixels);
    }
}
