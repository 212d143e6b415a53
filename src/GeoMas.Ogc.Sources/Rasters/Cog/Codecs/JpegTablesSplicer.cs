namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>
/// TIFF JPEG blocks are "abbreviated" streams: the quantisation and Huffman tables live once in the JPEGTables tag.
/// A standalone JPEG is the tables without their EOI followed by the block without its SOI.
/// </summary>
internal static class JpegTablesSplicer
{
    public static ArraySegment<byte> Splice(byte[]? tables, ArraySegment<byte> block)
    {
        if (tables is null || tables.Length < 4)
            return block;
        var tablesLength = tables.Length;
        if (tables[^2] == 0xFF && tables[^1] == 0xD9)
            tablesLength -= 2;
        var skip = block.Count >= 2 && block[0] == 0xFF && block[1] == 0xD8 ? 2 : 0;
        var joined = new byte[tablesLength + block.Count - skip];
        tables.AsSpan(0, tablesLength).CopyTo(joined);
        block.AsSpan(skip).CopyTo(joined.AsSpan(tablesLength));
        return joined;
    }
}
