namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>The value of one directory entry, kept in the widest type of its kind.</summary>
internal sealed class TiffField
{
    public TiffField(ulong[] integers) => Integers = integers;
    public TiffField(double[] reals) => Reals = reals;
    public TiffField(byte[] bytes, bool isAscii)
    {
        Bytes = bytes;
        IsAscii = isAscii;
    }

    public ulong[]? Integers { get; }
    public double[]? Reals { get; }
    public byte[]? Bytes { get; }
    public bool IsAscii { get; }

    public string AsAscii()
    {
        var bytes = Bytes ?? [];
        var end = Array.IndexOf(bytes, (byte)0);
        return System.Text.Encoding.ASCII.GetString(bytes, 0, end < 0 ? bytes.Length : end);
    }

    public double[] AsDoubles() => Reals ?? Integers?.Select(v => (double)v).ToArray() ?? Bytes?.Select(v => (double)v).ToArray() ?? [];

    public ulong[] AsIntegers() => Integers ?? Bytes?.Select(v => (ulong)v).ToArray() ?? Reals?.Select(v => (ulong)v).ToArray() ?? [];
}
