using GeoMas.Ogc.Sources.Rasters.Cog;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>Georeferencing forms GDAL does not write for north-up files (ModelTransformation), built tag by tag.</summary>
public sealed class GeoTiffGeoreferenceTests
{
    private static readonly ulong[] ProjectedLambert93 = [1, 1, 0, 1, 3072, 0, 1, 2154];

    private static TiffDirectory Directory(params (ushort Tag, TiffField Field)[] fields) =>
        new(fields.ToDictionary(f => f.Tag, f => f.Field));

    [Fact]
    public void ModelTransformationGivesOriginAndPixelSize()
    {
        var directory = Directory(
            (TiffTag.ModelTransformation, new TiffField([0.5, 0, 0, 1000, 0, -0.25, 0, 2000, 0, 0, 0, 0, 0, 0, 0, 1])),
            (TiffTag.GeoKeyDirectory, new TiffField(ProjectedLambert93)));
        var georeference = GeoTiffGeoreference.Read(directory, "test", null);
        Assert.Equal(new GeoTiffGeoreference(2154, 1000, 2000, 0.5, 0.25, false), georeference);
    }

    [Fact]
    public void RotatedModelTransformationIsRefused()
    {
        var directory = Directory(
            (TiffTag.ModelTransformation, new TiffField([0.5, 0.1, 0, 1000, 0.1, -0.5, 0, 2000, 0, 0, 0, 0, 0, 0, 0, 1])),
            (TiffTag.GeoKeyDirectory, new TiffField(ProjectedLambert93)));
        var error = Assert.Throws<CogFormatException>(() => GeoTiffGeoreference.Read(directory, "test", null));
        Assert.Contains("rotated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PixelIsPointMovesTheOriginToThePixelCorner()
    {
        var directory = Directory(
            (TiffTag.ModelPixelScale, new TiffField([2.0, 2.0, 0])),
            (TiffTag.ModelTiepoint, new TiffField([0, 0, 0, 100, 200, 0])),
            (TiffTag.GeoKeyDirectory, new TiffField([1, 1, 0, 2, 1025, 0, 1, 2, 2048, 0, 1, 4326])));
        var georeference = GeoTiffGeoreference.Read(directory, "test", null);
        Assert.Equal(new GeoTiffGeoreference(4326, 99, 201, 2, 2, true), georeference);
    }

    [Fact]
    public void UserDefinedCrsNeedsAnOverride()
    {
        var directory = Directory(
            (TiffTag.ModelPixelScale, new TiffField([1.0, 1.0, 0])),
            (TiffTag.ModelTiepoint, new TiffField([0, 0, 0, 0, 0, 0])),
            (TiffTag.GeoKeyDirectory, new TiffField([1, 1, 0, 1, 3072, 0, 1, 32767])));
        Assert.Throws<CogFormatException>(() => GeoTiffGeoreference.Read(directory, "test", null));
        Assert.Equal(2154, GeoTiffGeoreference.Read(directory, "test", 2154).Srid);
    }
}
