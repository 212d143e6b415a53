namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>PackBits (compression 32773): byte runs and literal runs, as Apple defined it.</summary>
internal static class PackBitsDecoder
{
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var i = 0;
        var written = 0;
        while (i < input.Length && written < output.Length)
        {
            var n = (sbyte)input[i++];
            if (n >= 0)
            {
                var count = Math.Min(n + 1, Math.Min(input.Length - i, output.Length - written));
                input.Slice(i, count).CopyTo(output[written..]);
                i += n + 1;
                written += count;
            }
            else if (n != -128 && i < input.Length)
            {
                var count = Math.Min(1 - n, output.Length - written);
                output.Slice(written, count).Fill(input[i++]);
                written += count;
            }
        }
        return written;
    }
}
