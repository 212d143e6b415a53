namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>
/// How different two renderings may be (the idea of Mapsui's CompareBitmaps): a pixel differs when one of its
/// channels, seen over white, moves by more than <paramref name="MaxChannelDistance"/>; the images match when at
/// most <paramref name="MaxDifferingProportion"/> of the pixels differ.
/// </summary>
public sealed record ImageTolerance(int MaxChannelDistance, double MaxDifferingProportion)
{
    /// <summary>Byte-for-byte the same colours.</summary>
    public static readonly ImageTolerance Exact = new(0, 0);

    /// <summary>
    /// The rendering goldens. Anti-aliasing and font hinting differ across machines and Skia builds by a few levels
    /// on edge pixels; a distance of 48 ignores that, yet a hairline, a fill or a glyph that is missing or moved
    /// changes its pixels by far more. 0.5 % of the pixels may differ: a 512×512 map tolerates about 1 300 noisy
    /// pixels (a few re-hinted labels). Measured on the references: PostGIS against GeoPackage (other vertex
    /// simplification) moves pixels by at most 34 levels, 0 % beyond 48; a 3 px shift changes 1.5 % (sparse
    /// trails) to 30 % (dense plan) of the pixels; ImageComparerTests keep both facts true.
    /// </summary>
    public static readonly ImageTolerance Goldens = new(48, 0.005);
}
