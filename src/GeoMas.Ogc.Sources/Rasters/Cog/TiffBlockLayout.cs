namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// How one IFD's pixels are cut into independently compressed blocks: tiles, or strips (full-width blocks of
/// RowsPerStrip rows). Block (column, row) has index row × BlocksAcross + column in the offset arrays.
/// </summary>
internal sealed class TiffBlockLayout
{
    private TiffBlockLayout(int width, int height, bool tiled, int blockWidth, int blockHeight, int planes, ulong[] offsets, ulong[] byteCounts)
    {
        Planes = planes;
        Width = width;
        Height = height;
        IsTiled = tiled;
        BlockWidth = blockWidth;
        BlockHeight = blockHeight;
        BlocksAcross = (width + blockWidth - 1) / blockWidth;
        BlocksDown = (height + blockHeight - 1) / blockHeight;
        Offsets = offsets;
        ByteCounts = byteCounts;
    }

    public int Width { get; }
    public int Height { get; }
    public bool IsTiled { get; }
    public int BlockWidth { get; }
    public int BlockHeight { get; }
    public int BlocksAcross { get; }
    public int BlocksDown { get; }
    /// <summary>1 for interleaved pixels; the sample count for separate planes (PlanarConfiguration=2).</summary>
    public int Planes { get; }

    /// <summary>Blocks per plane (the offset arrays hold Planes × BlocksPerPlane entries, plane by plane).</summary>
    public int BlocksPerPlane => BlocksAcross * BlocksDown;

    /// <summary>Index in the offset arrays of a block of one plane.</summary>
    public int EntryOf(int block, int plane) => plane * BlocksPerPlane + block;

    public ulong[] Offsets { get; }
    public ulong[] ByteCounts { get; }

    /// <summary>Rows stored in a block: tiles are always full (padded), the last strip holds only the remaining rows.</summary>
    public int RowsIn(int blockRow) => IsTiled ? BlockHeight : Math.Min(BlockHeight, Height - blockRow * BlockHeight);

    public static TiffBlockLayout From(TiffDirectory directory, string name)
    {
        var width = directory.Width;
        var height = directory.Height;
        if (width <= 0 || height <= 0)
            throw new CogFormatException($"{name}: an image directory has no size.");
        var planes = directory.Integer(TiffTag.PlanarConfiguration, 1) == 2 ? (int)directory.Integer(TiffTag.SamplesPerPixel, 1) : 1;
        TiffBlockLayout layout;
        if (directory.Get(TiffTag.TileWidth) is not null)
        {
            var tileWidth = (int)directory.Integer(TiffTag.TileWidth, 0);
            var tileHeight = (int)directory.Integer(TiffTag.TileLength, 0);
            if (tileWidth <= 0 || tileHeight <= 0)
                throw new CogFormatException($"{name}: invalid tile size.");
            layout = new TiffBlockLayout(width, height, true, tileWidth, tileHeight, planes,
                directory.Integers(TiffTag.TileOffsets), directory.Integers(TiffTag.TileByteCounts));
        }
        else
        {
            var rows = directory.Integer(TiffTag.RowsPerStrip, height);
            var rowsPerStrip = (int)Math.Clamp(rows, 1, height);
            layout = new TiffBlockLayout(width, height, false, width, rowsPerStrip, planes,
                directory.Integers(TiffTag.StripOffsets), directory.Integers(TiffTag.StripByteCounts));
        }
        var blocks = layout.BlocksPerPlane * planes;
        if (layout.Offsets.Length < blocks || layout.ByteCounts.Length < blocks)
            throw new CogFormatException(FormattableString.Invariant(
                $"{name}: {blocks} blocks expected, the offset/byte-count arrays hold {layout.Offsets.Length}/{layout.ByteCounts.Length}."));
        return layout;
    }
}
