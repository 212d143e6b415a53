namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>One image file directory (IFD): the tags of one image of the file (full resolution, an overview or a mask).</summary>
internal sealed class TiffDirectory(IReadOnlyDictionary<ushort, TiffField> fields)
{
    public IReadOnlyDictionary<ushort, TiffField> Fields { get; } = fields;

    public TiffField? Get(ushort tag) => Fields.GetValueOrDefault(tag);

    public ulong[] Integers(ushort tag) => Get(tag)?.AsIntegers() ?? [];

    public long Integer(ushort tag, long fallback)
    {
        var values = Integers(tag);
        return values.Length > 0 ? (long)values[0] : fallback;
    }

    public int Width => checked((int)Integer(TiffTag.ImageWidth, 0));
    public int Height => checked((int)Integer(TiffTag.ImageLength, 0));
    public int NewSubfileType => (int)Integer(TiffTag.NewSubfileType, 0);

    /// <summary>Bit 2 of NewSubfileType: a transparency mask (GDAL's internal mask, per level).</summary>
    public bool IsMask => (NewSubfileType & 4) != 0;
}
