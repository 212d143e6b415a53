namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>Undoes TIFF predictor 2 (each sample stored as the difference from the same sample of the previous pixel).</summary>
internal static class HorizontalPredictor
{
    public static void Undo8(Span<byte> data, int rowBytes, int samplesPerPixel)
    {
        for (var row = 0; row + rowBytes <= data.Length; row += rowBytes)
        {
            var line = data.Slice(row, rowBytes);
            for (var i = samplesPerPixel; i < line.Length; i++)
                line[i] = unchecked((byte)(line[i] + line[i - samplesPerPixel]));
        }
    }

    public static void Undo16(Span<byte> data, int rowBytes, int samplesPerPixel, bool littleEndian)
    {
        for (var row = 0; row + rowBytes <= data.Length; row += rowBytes)
        {
            var line = data.Slice(row, rowBytes);
            var stride = samplesPerPixel * 2;
            for (var i = stride; i + 1 < line.Length; i += 2)
            {
                var value = Read(line, i, littleEndian) + Read(line, i - stride, littleEndian);
                Write(line, i, (ushort)value, littleEndian);
            }
        }
    }

    private static int Read(Span<byte> s, int at, bool little) => little ? s[at] | (s[at + 1] << 8) : (s[at] << 8) | s[at + 1];

    private static void Write(Span<byte> s, int at, ushort value, bool little)
    {
        s[at + (little ? 0 : 1)] = (byte)value;
        s[at + (little ? 1 : 0)] = (byte)(value >> 8);
    }
}
