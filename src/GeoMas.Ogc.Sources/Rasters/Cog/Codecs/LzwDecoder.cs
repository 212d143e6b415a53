namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>
/// TIFF's LZW (compression 5): MSB-first codes of 9 to 12 bits, Clear = 256, EndOfInformation = 257, and the
/// "early change" of libtiff (the code width grows one code before the table fills), which is what every writer emits.
/// </summary>
internal static class LzwDecoder
{
    private const int Clear = 256;
    private const int EndOfInformation = 257;
    private const int TableSize = 4096;

    /// <summary>Decodes into <paramref name="output"/>; returns the bytes written (the output length bounds it).</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<short> prefix = stackalloc short[TableSize];
        Span<byte> suffix = stackalloc byte[TableSize];
        Span<byte> first = stackalloc byte[TableSize];
        Span<short> length = stackalloc short[TableSize];
        for (var i = 0; i < 256; i++)
        {
            suffix[i] = (byte)i;
            first[i] = (byte)i;
            length[i] = 1;
        }

        var next = 258;
        var width = 9;
        var old = -1;
        var written = 0;
        uint bitBuffer = 0;
        var bitCount = 0;
        var position = 0;
        while (written < output.Length)
        {
            while (bitCount < width)
            {
                if (position >= input.Length)
                    return written;
                bitBuffer = (bitBuffer << 8) | input[position++];
                bitCount += 8;
            }
            var code = (int)((bitBuffer >> (bitCount - width)) & ((1u << width) - 1));
            bitCount -= width;

            if (code == EndOfInformation)
                break;
            if (code == Clear)
            {
                next = 258;
                width = 9;
                old = -1;
                continue;
            }
            if (old == -1)
            {
                if (code > 255)
                    throw new CogFormatException("LZW stream: the first code after Clear is not a literal.");
                output[written++] = (byte)code;
                old = code;
                continue;
            }

            int emitted;
            if (code < next)
            {
                emitted = code;
                if (next < TableSize)
                    Add(next++, old, first[code], prefix, suffix, first, length);
            }
            else if (code == next && next < TableSize)
            {
                Add(next++, old, first[old], prefix, suffix, first, length);
                emitted = code;
            }
            else
            {
                throw new CogFormatException("LZW stream: code beyond the table.");
            }
            written = Emit(emitted, prefix, suffix, length, output, written);
            old = code;
            if (next >= (1 << width) - 1 && width < 12)
                width++;
        }
        return written;
    }

    private static void Add(int at, int old, byte last, Span<short> prefix, Span<byte> suffix, Span<byte> first, Span<short> length)
    {
        prefix[at] = (short)old;
        suffix[at] = last;
        first[at] = first[old];
        length[at] = (short)(length[old] + 1);
    }

    /// <summary>Writes the string of <paramref name="code"/> back to front by walking the prefix chain; clips at the output end.</summary>
    private static int Emit(int code, Span<short> prefix, Span<byte> suffix, Span<short> length, Span<byte> output, int written)
    {
        var count = length[code];
        var end = written + count;
        var at = end - 1;
        var current = code;
        while (at >= written)
        {
            if (at < output.Length)
                output[at] = suffix[current];
            current = prefix[current];
            at--;
        }
        return Math.Min(end, output.Length);
    }
}
