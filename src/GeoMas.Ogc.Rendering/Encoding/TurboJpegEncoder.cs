using System.Buffers;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// JPEG encoding through the system's libjpeg-turbo (TurboJPEG API, Debian package <c>libturbojpeg0</c>) when it
/// is installed. The libjpeg-turbo inside SkiaSharp's native library is built without its SIMD code and Skia turns on
/// Huffman table optimisation (a second pass over the image), so a 512 × 512 ortho map spent about 5 ms in Skia's
/// encoder and well under half of that here. Baseline JPEG, standard Huffman tables, 4:2:0, quality as asked.
/// Without the library, <see cref="TryEncode"/> answers false and the caller uses Skia.
/// </summary>
internal static class TurboJpegEncoder
{
    private const string Library = "libturbojpeg.so.0";

    // TurboJPEG constants (turbojpeg.h).
    private const int PixelFormatRgbx = 2;
    private const int PixelFormatBgrx = 3;
    private const int Subsampling420 = 2;

    private static readonly Lazy<bool> Loaded = new(Probe);

    /// <summary>True when libturbojpeg could be loaded.</summary>
    public static bool IsAvailable => Loaded.Value;

    /// <summary>
    /// Encodes opaque 8888 pixels (RGBA or BGRA order, any row stride; alpha is ignored). False, with nothing
    /// written, when the library is missing or the pixels are in another layout.
    /// </summary>
    public static bool TryEncode(SKPixmap pixels, int quality, Stream output)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(output);
        var format = pixels.ColorType switch
        {
            SKColorType.Bgra8888 => PixelFormatBgrx,
            SKColorType.Rgba8888 => PixelFormatRgbx,
            _ => -1,
        };
        if (format < 0 || pixels.Width <= 0 || pixels.Height <= 0 || !IsAvailable)
            return false;

        var handle = NativeMethods.tjInitCompress();
        if (handle == IntPtr.Zero)
            return false;
        var jpeg = IntPtr.Zero;
        try
        {
            nuint size = 0;
            var status = NativeMethods.tjCompress2(handle, pixels.GetPixels(), pixels.Width, pixels.RowBytes, pixels.Height, format,
                ref jpeg, ref size, Subsampling420, Math.Clamp(quality, 1, 100), 0);
            if (status != 0 || jpeg == IntPtr.Zero)
                throw new InvalidOperationException($"libturbojpeg failed to encode the image: {Marshal.PtrToStringUTF8(NativeMethods.tjGetErrorStr2(handle))}");
            Write(jpeg, checked((int)size), output);
            return true;
        }
        finally
        {
            if (jpeg != IntPtr.Zero)
                NativeMethods.tjFree(jpeg);
            _ = NativeMethods.tjDestroy(handle);
        }
    }

    private static void Write(IntPtr jpeg, int size, Stream output)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(size, 81920));
        try
        {
            for (var offset = 0; offset < size; offset += buffer.Length)
            {
                var count = Math.Min(buffer.Length, size - offset);
                Marshal.Copy(jpeg + offset, buffer, 0, count);
                output.Write(buffer, 0, count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Probe()
    {
        try
        {
            var handle = NativeMethods.tjInitCompress();
            if (handle == IntPtr.Zero)
                return false;
            _ = NativeMethods.tjDestroy(handle);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "SYSLIB1054", Justification = "LibraryImport needs unsafe code; these signatures are blittable.")]
    private static class NativeMethods
    {
        [DllImport(Library)]
        public static extern IntPtr tjInitCompress();

        [DllImport(Library)]
        public static extern int tjCompress2(IntPtr handle, IntPtr source, int width, int pitch, int height, int pixelFormat,
            ref IntPtr jpegBuffer, ref nuint jpegSize, int subsampling, int quality, int flags);

        [DllImport(Library)]
        public static extern void tjFree(IntPtr buffer);

        [DllImport(Library)]
        public static extern int tjDestroy(IntPtr handle);

        [DllImport(Library)]
        public static extern IntPtr tjGetErrorStr2(IntPtr handle);
    }
}
