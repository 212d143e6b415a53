namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>Undoes TIFF predictor 2 (each sample stored as the difference from the same sample of the previous pixel) on 8-bit samples.</summary>
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
}
