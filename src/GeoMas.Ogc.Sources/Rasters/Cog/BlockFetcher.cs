using GeoMas.Ogc.Sources.Rasters.IO;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// Fetches the compressed bytes of a set of blocks (and their mask blocks) with as few reads as possible: ranges are
/// sorted by offset and merged when the gap between them is small (a COG stores neighbouring tiles, and GDAL stores
/// each mask tile right after its image tile), then the merged reads run concurrently.
/// </summary>
internal static class BlockFetcher
{
    public static async ValueTask<FetchedBlocks> FetchAsync(IByteSource source, CogLevel level, IReadOnlyList<int> blockIndexes,
        CogReaderOptions options, CancellationToken cancellationToken)
    {
        var ranges = new List<BlockRange>();
        foreach (var index in blockIndexes)
        {
            for (var plane = 0; plane < level.Layout.Planes; plane++)
                AddRange(ranges, level.Layout, level.Layout.EntryOf(index, plane), isMask: false);
            if (level.MaskLayout is not null)
                AddRange(ranges, level.MaskLayout, index, isMask: true);
        }
        ranges.Sort((a, b) => a.Offset.CompareTo(b.Offset));

        var groups = new List<List<BlockRange>>();
        foreach (var range in ranges)
        {
            if (groups.Count > 0)
            {
                var group = groups[^1];
                var start = group[0].Offset;
                var end = group.Max(r => r.Offset + r.Length);
                var newEnd = Math.Max(end, range.Offset + range.Length);
                if (range.Offset - end <= options.CoalesceGapBytes && newEnd - start <= options.MaxReadBytes)
                {
                    group.Add(range);
                    continue;
                }
            }
            groups.Add([range]);
        }

        var fetched = new FetchedBlocks([], []);
        var buffers = await Task.WhenAll(groups.Select(async group =>
        {
            var start = group[0].Offset;
            var length = group.Max(r => r.Offset + r.Length) - start;
            return await source.ReadExactlyAsync(start, checked((int)length), cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
        for (var g = 0; g < groups.Count; g++)
        {
            var start = groups[g][0].Offset;
            foreach (var range in groups[g])
            {
                var segment = new ArraySegment<byte>(buffers[g], (int)(range.Offset - start), (int)range.Length);
                (range.IsMask ? fetched.Mask : fetched.Image)[range.Block] = segment;
            }
        }
        return fetched;
    }

    private static void AddRange(List<BlockRange> ranges, TiffBlockLayout layout, int index, bool isMask)
    {
        var length = (long)layout.ByteCounts[index];
        if (length == 0)
            return;
        ranges.Add(new BlockRange(index, isMask, (long)layout.Offsets[index], length));
    }

    private readonly record struct BlockRange(int Block, bool IsMask, long Offset, long Length);
}
