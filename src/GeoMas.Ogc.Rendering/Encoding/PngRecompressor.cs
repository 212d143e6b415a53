using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Deflates a PNG's image data again at another zlib level. The filtered rows are inflated and deflated as they are,
/// and every other chunk is copied byte for byte, so the decoded pixels are the same by construction; only the
/// IDAT chunks change (merged into one). Reads only what it can check: a non-interlaced PNG whose IDAT stream
/// inflates to exactly the rows its IHDR announces.
/// </summary>
internal static class PngRecompressor
{
    /// <summary>The PNG deflated at <paramref name="zlibLevel"/> (0–9), or null when that is not smaller or the PNG is not one this reads.</summary>
    public static byte[]? Recompress(ReadOnlySpan<byte> png, int zlibLevel)
    {
        if (!TryReadLayout(png, out var layout))
            return null;
        var filtered = ArrayPool<byte>.Shared.Rent(layout.FilteredLength);
        try
        {
            if (!TryInflate(png, layout, filtered.AsSpan(0, layout.FilteredLength)))
                return null;
            using var output = new MemoryStream(png.Length);
            output.Write(png[..layout.FirstIdat]);
            PngChunks.Write(output, "IDAT"u8, Deflate(filtered.AsSpan(0, layout.FilteredLength), zlibLevel, png.Length));
            output.Write(png[layout.AfterIdat..]);
            return output.Length < png.Length ? output.ToArray() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    /// <summary>Where the IDAT run starts and ends, and how many bytes its rows inflate to.</summary>
    private readonly record struct Layout(int FirstIdat, int AfterIdat, int FilteredLength);

    private static bool TryReadLayout(ReadOnlySpan<byte> png, out Layout layout)
    {
        layout = default;
        if (!png.StartsWith(PngChunks.Signature))
            return false;
        int firstIdat = -1, afterIdat = -1;
        long filteredLength = -1;
        var at = PngChunks.Signature.Length;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            if (length < 0 || at + 12L + length > png.Length)
                return false;
            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("IHDR"u8))
            {
                if (at != PngChunks.Signature.Length || length != 13 || !TryFilteredLength(png.Slice(at + 8, 13), out filteredLength))
                    return false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                if (afterIdat >= 0 && afterIdat != at)
                    return false; // IDAT chunks must be consecutive
                if (firstIdat < 0)
                    firstIdat = at;
                afterIdat = at + 12 + length;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                layout = new Layout(firstIdat, afterIdat, (int)filteredLength);
                return firstIdat > 0 && filteredLength > 0;
            }
            at += 12 + length;
        }
        return false;
    }

    /// <summary>Rows × (filter byte + packed samples) of a non-interlaced image, as its IHDR describes it.</summary>
    private static bool TryFilteredLength(ReadOnlySpan<byte> ihdr, out long length)
    {
        length = -1;
        var width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]);
        int bitDepth = ihdr[8], colourType = ihdr[9], interlace = ihdr[12];
        var samples = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (width <= 0 || height <= 0 || samples == 0 || bitDepth is not (1 or 2 or 4 or 8 or 16) || interlace != 0)
            return false;
        length = height * (1 + ((long)width * samples * bitDepth + 7) / 8);
        // Tiles and maps, not posters: a bound that also keeps a hostile IHDR from asking for gigabytes.
        return length <= 64L * 1024 * 1024;
    }

    private static bool TryInflate(ReadOnlySpan<byte> png, Layout layout, Span<byte> filtered)
    {
        using var compressed = new MemoryStream(layout.AfterIdat - layout.FirstIdat);
        for (var at = layout.FirstIdat; at < layout.AfterIdat;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            compressed.Write(png.Slice(at + 8, length));
            at += 12 + length;
        }
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            zlib.ReadExactly(filtered);
            Span<byte> extra = stackalloc byte[1];
            return zlib.Read(extra) == 0; // rows beyond the IHDR's: not a PNG this rewrites
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> filtered, int zlibLevel, int capacity)
    {
        var output = new MemoryStream(capacity);
        using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(zlibLevel, 0, 9) }, leaveOpen: true))
            zlib.Write(filtered);
        return output.GetBuffer().AsSpan(0, (int)output.Length);
    }
}
