using System.Globalization;
using GeoMas.Ogc.Integration.Tests.Wms;

namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>The outcome of <see cref="ImageComparer.Compare"/>: counts, and a diff image to look at.</summary>
internal sealed record ImageComparison(bool Passed, int DifferingPixels, int TotalPixels, int MaxDistance, string? SizeMismatch, RasterImage? Diff)
{
    public double DifferingProportion => TotalPixels == 0 ? 1 : (double)DifferingPixels / TotalPixels;

    public override string ToString() => SizeMismatch ?? string.Create(CultureInfo.InvariantCulture,
        $"{DifferingPixels} of {TotalPixels} pixels differ ({DifferingProportion:P2}), largest channel distance {MaxDistance}");
}
