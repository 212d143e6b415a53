using System.Text.Json;

namespace GeoMas.Ogc.Integration.Tests.Rasters.Interop;

/// <summary>
/// What tests/interop/ortho_compare.py found when it laid a client's copy of the ortho over GDAL's own reading of the
/// source COG on the same grid: how different the pixels are, and which shift of the client image matches best.
/// </summary>
internal sealed record OrthoPlacementReport(
    double MeanAbsDiff, int BestDx, int BestDy, double BestOffsetError, double CellBrightnessCorrelation, double ClientStd)
{
    public static OrthoPlacementReport From(JsonElement report)
    {
        var offset = report.GetProperty("best_offset");
        return new OrthoPlacementReport(
            report.GetProperty("mean_abs_diff").GetDouble(),
            offset[0].GetInt32(),
            offset[1].GetInt32(),
            report.GetProperty("best_offset_error").GetDouble(),
            report.GetProperty("cell_brightness_correlation").GetDouble(),
            report.GetProperty("client_std").GetDouble());
    }

    /// <summary>
    /// The client's picture is the source's, in place: textured (not blank or flat), the same light and dark parts,
    /// best aligned within <paramref name="maxShift"/> pixels, and close in value (JPEG quality 75 from the source,
    /// JPEG again from the server, and resampling leave a few levels of 255 on average).
    /// </summary>
    public void AssertMatches(string what, int maxShift = 0, double maxMeanAbsDiff = 6)
    {
        Assert.True(ClientStd > 20, $"{what}: the copy is flat (standard deviation {ClientStd:F1}), not an orthophoto");
        Assert.True(Math.Abs(BestDx) <= maxShift && Math.Abs(BestDy) <= maxShift,
            $"{what}: the copy matches the source best when shifted by ({BestDx}, {BestDy}) pixels: misplaced; {this}");
        Assert.True(CellBrightnessCorrelation > 0.99, $"{what}: the light and dark parts do not match the source; {this}");
        Assert.True(BestOffsetError < maxMeanAbsDiff, $"{what}: the pixels differ from GDAL's reading of the source; {this}");
    }
}
