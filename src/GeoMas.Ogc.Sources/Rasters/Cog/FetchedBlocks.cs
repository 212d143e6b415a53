namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>The compressed bytes of the blocks of one read, by offset-array entry (image: plane × blocks per plane + block; mask: block).</summary>
internal sealed record FetchedBlocks(Dictionary<int, ArraySegment<byte>> Image, Dictionary<int, ArraySegment<byte>> Mask);
