using GeoMas.Ogc.Core.Rasters;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Mosaics;

/// <summary>
/// An in-memory georeferenced image (a test fixture with known pixels): answers reads at full resolution, snapped
/// outward to its grid and clipped to its extent. <see cref="Crop"/> cuts a part of it, as gdal_translate -srcwin does.
/// </summary>
internal sealed class GridImage : IRasterSource, IDisposable
{
    private readonly byte[] _pixels;

    public GridImage(double originX, double originY, double resolution, int width, int height, byte[] pixels, int srid = 2154)
    {
        OriginX = originX;
        OriginY = originY;
        Resolution = resolution;
        Width = width;
        Height = height;
        _pixels = pixels;
        Info = new RasterInfo(srid, new Envelope(originX, originX + width * resolution, originY - height * resolution, originY), resolution, resolution, true);
    }

    public static GridImage Pattern(double originX, double originY, double resolution, int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 4;
                pixels[p] = (byte)(x * 13 + y);
                pixels[p + 1] = (byte)(y * 7 + x * 3);
                pixels[p + 2] = (byte)(x ^ y);
                pixels[p + 3] = 255;
            }
        }
        return new GridImage(originX, originY, resolution, width, height, pixels);
    }

    public double OriginX { get; }
    public double OriginY { get; }
    public double Resolution { get; }
    public int Width { get; }
    public int Height { get; }
    public RasterInfo Info { get; }
    public int Reads { get; private set; }
    public bool Disposed { get; private set; }

    public GridImage Crop(int column, int row, int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            _pixels.AsSpan(((row + y) * Width + column) * 4, width * 4).CopyTo(pixels.AsSpan(y * width * 4));
        return new GridImage(OriginX + column * Resolution, OriginY - row * Resolution, Resolution, width, height, pixels, Info.Srid);
    }

    public ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Reads++;
        var wanted = request.Extent.Intersection(Info.Extent);
        if (wanted.IsNull || wanted.Width <= 0 || wanted.Height <= 0)
            return ValueTask.FromResult<RasterWindow?>(null);
        var c0 = Math.Max(0, (int)Math.Floor((wanted.MinX - OriginX) / Resolution + 1e-9));
        var c1 = Math.Min(Width, (int)Math.Ceiling((wanted.MaxX - OriginX) / Resolution - 1e-9));
        var r0 = Math.Max(0, (int)Math.Floor((OriginY - wanted.MaxY) / Resolution + 1e-9));
        var r1 = Math.Min(Height, (int)Math.Ceiling((OriginY - wanted.MinY) / Resolution - 1e-9));
        var window = RasterWindow.Rent(c1 - c0, r1 - r0,
            new Envelope(OriginX + c0 * Resolution, OriginX + c1 * Resolution, OriginY - r1 * Resolution, OriginY - r0 * Resolution));
        for (var r = r0; r < r1; r++)
            _pixels.AsSpan((r * Width + c0) * 4, (c1 - c0) * 4).CopyTo(window.Pixels.Slice((r - r0) * window.Stride));
        return ValueTask.FromResult<RasterWindow?>(window);
    }

    public void Dispose() => Disposed = true;
}
