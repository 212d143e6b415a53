namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// How one IFD's pixels are cut into independently compressed blocks: tiles, or strips (full-width blocks of
/// RowsPerStrip rows). Block (column, row) has index row × BlocksAcross + column in the offset arrays.
/// </summary>
internal sealed class TiffBlockLayout
{
    private TiffBlockLayout(int width, int height, bool tiled, int blockWidth, int blockHeight, ulong[] offsets, ulong[] byteCounts)
    {
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
        TiffBlockLayout layout;
        if (directory.Get(TiffTag.TileWidth) is not null)
        {
            var tileWidth = (int)directory.Integer(TiffTag.TileWidth, 0);
            var tileHeight = (int)directory.Integer(TiffTag.TileLength, 0);
            if (tileWidth <= 0 || tileHeight <= 0)
                throw new CogFormatException($"{name}: invalid tile size.");
            layout = new TiffBlockLayout(width, height, true, tileWidth, tileHeight,
                directory.Integers(TiffTag.TileOffsets), directory.Integers(TiffTag.TileByteCounts));
        }
        else
        {
            var rows = directory.Integer(TiffTag.RowsPerStrip, height);
            var rowsPerStrip = (int)Math.Clamp(rows, 1, height);
            layout = new TiffBlockLayout(width, height, false, width, rowsPerStrip,
                directory.Integers(TiffTag.StripOffsets), directory.Integers(TiffTag.StripByteCounts));
        }
        var blocks = layout.BlocksAcross * layout.BlocksDown;
        if (layout.Offsets.Length < blocks || layout.ByteCounts.Length < blocks)
            throw new CogFormatException(FormattableString.Invariant(
                $"{name}: {blocks} blocks expected, the offset/byte-count arrays hold {layout.Offsets.Length}/{layout.ByteCounts.Length} (separate planes are not supported)."));
        return layout;
    }
}
