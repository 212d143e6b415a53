using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Encoding.FlatGeobuf;

/// <summary>The FlatGeobuf files are read back by GDAL (a real client): ogr2ogr converts them to GeoJSON.</summary>
public sealed class FlatGeobufFeatureCollectionWriterTests
{
    private static readonly GeometryFactory Factory = new();

    private static readonly FlatGeobufColumn[] Columns =
    [
        FlatGeobufColumn.For(new AttributeDefinition("id", AttributeType.Long, "Identifiant")),
        FlatGeobufColumn.For(new AttributeDefinition("nom", AttributeType.String, "Nom")),
        FlatGeobufColumn.For(new AttributeDefinition("surface", AttributeType.Double)),
        FlatGeobufColumn.For(new AttributeDefinition("niveau", AttributeType.Integer)),
        FlatGeobufColumn.For(new AttributeDefinition("bati", AttributeType.Boolean)),
        FlatGeobufColumn.For(new AttributeDefinition("datappro", AttributeType.Date)),
        FlatGeobufColumn.For(new AttributeDefinition("updated_at", AttributeType.DateTime)),
    ];

    private static Polygon Square(double x, double y, double size, bool hole = false)
    {
        var shell = Factory.CreateLinearRing([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        if (!hole)
            return Factory.CreatePolygon(shell);
        var inner = Factory.CreateLinearRing([new(x + 1, y + 1), new(x + 2, y + 1), new(x + 2, y + 2), new(x + 1, y + 1)]);
        return Factory.CreatePolygon(shell, [inner]);
    }

    private static Feature[] SampleFeatures() =>
    [
        new("1", Factory.CreatePoint(new Coordinate(6.0794, 44.5594)), [1L, "Gap \"centre\", Écrins", 12.5, 3, true, new DateOnly(2024, 3, 1), new DateTimeOffset(2014, 7, 3, 20, 58, 2, TimeSpan.Zero)]),
        new("2", Factory.CreateLineString([new(0, 0), new(1, 1), new(2, 0)]), [2L, null, null, null, false, null]),
        new("3", Square(0, 0, 10, hole: true), [3L, "troué", 99.0, -1, null, new DateOnly(1999, 12, 31), new DateTime(2021, 12, 20, 13, 34, 36, 250, DateTimeKind.Utc)]),
        new("4", Factory.CreateMultiPolygon([Square(0, 0, 5), Square(20, 20, 5, hole: true)]), [4L, "multi", 0.25, 0, true, null]),
        new("5", Factory.CreateMultiLineString([Factory.CreateLineString([new(0, 0), new(1, 0)]), Factory.CreateLineString([new(5, 5), new(6, 6), new(7, 5)])]), [5L, "lignes", null, null, null, null]),
        new("6", Factory.CreateMultiPoint([Factory.CreatePoint(new Coordinate(1, 2)), Factory.CreatePoint(new Coordinate(3, 4))]), [6L, "points", null, null, null, null]),
        new("7", null, [7L, "sans géométrie", null, null, null, null]),
        new("8", Factory.CreateMultiLineString([Factory.CreateLineString([new(0, 0), new(1, 0), new(2, 2)])]), [8L, "une ligne", null, null, null, null]),
    ];

    private static async Task<string> WriteFileAsync(IEnumerable<Feature> features, int srid = 4326)
    {
        var path = Path.Combine(Path.GetTempPath(), "geomas-fgb-" + Guid.NewGuid().ToString("N") + ".fgb");
        await using (var file = File.Create(path))
        {
            var pipe = PipeWriter.Create(file);
            var writer = new FlatGeobufFeatureCollectionWriter(pipe, "parcelles", Columns, srid, "Parcelles cadastrales");
            await writer.WriteFeaturesAsync(ToAsync(features), CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
            await pipe.CompleteAsync();
        }
        return path;
    }

    private static async IAsyncEnumerable<Feature> ToAsync(IEnumerable<Feature> features)
    {
        foreach (var feature in features)
        {
            await Task.Yield();
            yield return feature;
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<JsonElement> ReadWithGdalAsync(string path)
    {
        var result = await RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", path);
        Assert.True(result.ExitCode == 0 && !result.Stderr.Contains("ERROR", StringComparison.Ordinal), "ogr2ogr failed:\n" + result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Gdal_reads_every_feature_geometry_and_attribute_back()
    {
        var path = await WriteFileAsync(SampleFeatures());
        try
        {
            var info = await RunAsync("ogrinfo", "-ro", "-so", "-al", path);
            Assert.True(info.ExitCode == 0, info.Stderr);
            Assert.Contains("Layer name: parcelles", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("EPSG\",4326", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("nom: String", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("id: Integer64", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("surface: Real", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("niveau: Integer", info.Stdout, StringComparison.Ordinal);

            var features = (await ReadWithGdalAsync(path)).GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(8, features.Count);
            var first = features[0].GetProperty("properties");
            Assert.Equal(1, first.GetProperty("id").GetInt64());
            Assert.Equal("Gap \"centre\", Écrins", first.GetProperty("nom").GetString());
            Assert.Equal(12.5, first.GetProperty("surface").GetDouble());
            Assert.Equal(3, first.GetProperty("niveau").GetInt32());
            Assert.True(first.GetProperty("bati").GetBoolean());
            Assert.StartsWith("2024-03-01", first.GetProperty("datappro").GetString(), StringComparison.Ordinal);
            Assert.Equal("2014-07-03T20:58:02Z", first.GetProperty("updated_at").GetString());
            Assert.Equal("2021-12-20T13:34:36.250Z", features[2].GetProperty("properties").GetProperty("updated_at").GetString());
            Assert.Equal([6.0794, 44.5594], features[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));

            // A null value is not stored: GDAL reads the field as unset (left out of its GeoJSON).
            Assert.False(features[1].GetProperty("properties").TryGetProperty("nom", out var nom) && nom.ValueKind != JsonValueKind.Null);
            Assert.False(features[1].GetProperty("properties").GetProperty("bati").GetBoolean());
            Assert.Equal("LineString", features[1].GetProperty("geometry").GetProperty("type").GetString());

            var holed = features[2].GetProperty("geometry");
            Assert.Equal("Polygon", holed.GetProperty("type").GetString());
            Assert.Equal(2, holed.GetProperty("coordinates").GetArrayLength());
            Assert.Equal(-1, features[2].GetProperty("properties").GetProperty("niveau").GetInt32());

            var multi = features[3].GetProperty("geometry");
            Assert.Equal("MultiPolygon", multi.GetProperty("type").GetString());
            Assert.Equal(2, multi.GetProperty("coordinates").GetArrayLength());
            Assert.Equal(2, multi.GetProperty("coordinates")[1].GetArrayLength());

            Assert.Equal("MultiLineString", features[4].GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(3, features[4].GetProperty("geometry").GetProperty("coordinates")[1].GetArrayLength());
            Assert.Equal("MultiPoint", features[5].GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Null, features[6].GetProperty("geometry").ValueKind);
            Assert.Equal("sans géométrie", features[6].GetProperty("properties").GetProperty("nom").GetString());
            Assert.Equal("MultiLineString", features[7].GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(3, features[7].GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Many_features_and_an_empty_file_both_read_back()
    {
        var many = Enumerable.Range(0, 3000).Select(i => new Feature(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Square(900000 + i, 6400000, 3), [(long)i, "p" + i, i * 0.5, i, i % 2 == 0, null])).ToList();
        var path = await WriteFileAsync(many, srid: 2154);
        var empty = await WriteFileAsync([]);
        try
        {
            var features = (await ReadWithGdalAsync(path)).GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(3000, features.Count);
            Assert.Equal("p2999", features[2999].GetProperty("properties").GetProperty("nom").GetString());
            var info = await RunAsync("ogrinfo", "-ro", "-so", "-al", path);
            Assert.Contains("EPSG\",2154", info.Stdout, StringComparison.Ordinal);

            var none = await RunAsync("ogrinfo", "-ro", "-so", "-al", empty);
            Assert.True(none.ExitCode == 0, none.Stderr);
            Assert.Contains("Layer name: parcelles", none.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(empty);
        }
    }
}
