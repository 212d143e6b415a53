namespace GeoMas.Ogc.Sources.Rasters.IO;

public static class ByteSourceExtensions
{
    /// <summary>Reads exactly <paramref name="length"/> bytes or throws: a truncated file is an error, not zeros.</summary>
    public static async ValueTask<byte[]> ReadExactlyAsync(this IByteSource source, long offset, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var read = await source.ReadAsync(offset, buffer, cancellationToken).ConfigureAwait(false);
        if (read != length)
            throw new EndOfStreamException(FormattableString.Invariant(
                $"{source.Key}: wanted {length} bytes at offset {offset}, the object ended after {read}."));
        return buffer;
    }
}
