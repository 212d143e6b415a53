namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>One resolution of the file (0 = full resolution, then the internal overviews) with its optional internal mask.</summary>
internal sealed record CogLevel(int Index, TiffBlockLayout Layout, TiffBlockDecoder Decoder, TiffBlockLayout? MaskLayout, TiffMaskDecoder? MaskDecoder,
    double ResolutionX, double ResolutionY);
