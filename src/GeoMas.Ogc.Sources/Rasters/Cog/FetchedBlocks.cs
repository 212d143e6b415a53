namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>The compressed bytes of the blocks of one read, by block index (image and mask).</summary>
internal sealed record FetchedBlocks(Dictionary<int, ArraySegment<byte>> Image, Dictionary<int, ArraySegment<byte>> Mask);
