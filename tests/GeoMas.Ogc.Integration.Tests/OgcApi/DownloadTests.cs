using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// Open-data downloads on PostGIS (issue 4 item 6): <c>f=csv</c> and <c>f=fgb</c> without a limit export the whole
/// selection (not one page) as an attachment; a filtered download has exactly the database's count; the files
/// are read back by GDAL (ogr2ogr / ogrinfo, real clients).
/// </summary>
public sealed class DownloadTests(PostGisOgcApiFixture fixture) : IClassFixture<PostGisOgcApiFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<string> DownloadAsync(string url, string extension, string expectedType, string expectedName)
    {
        using var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(expectedName, response.Content.Headers.ContentDisposition?.FileName);
        var path = Path.Combine(Path.GetTempPath(), "geomas-download-" + Guid.NewGuid().ToString("N") + "." + extension);
        await using (var file = File.Create(path))
            await response.Content.CopyToAsync(file);
        return path;
    }

    private static async Task<JsonElement> ToGeoJsonAsync(string path)
    {
        var start = new ProcessStartInfo("ogr2ogr") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "GeoJSON", "/vsistdout/", path })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    // The first number of a GeoJSON coordinates array, whatever its nesting (point, line, polygon, multi…).
    private static double FirstX(JsonElement coordinates)
    {
        while (coordinates.ValueKind == JsonValueKind.Array)
            coordinates = coordinates[0];
        return coordinates.GetDouble();
    }

    [Theory]
    [InlineData("batiments")]
    [InlineData("parcelles")] // a date-time attribute (updated_at)
    public async Task Whole_collection_as_flatgeobuf_has_every_row_of_the_database(string collection)
    {
        var expected = await DatabaseCounts.RowsAsync(postGis: true, collection);
        Assert.True(expected > 10_000, "the test needs more features than the largest page (10,000)");
        var path = await DownloadAsync($"/collections/{collection}/items?f=fgb", "fgb", "application/flatgeobuf", collection + ".fgb");
        try
        {
            Assert.Equal(expected, (await ToGeoJsonAsync(path)).GetProperty("features").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Filtered_csv_download_matches_the_database_count_and_values()
    {
        var expected = await DatabaseCounts.ScalarAsync(postGis: true, "SELECT count(*) FROM {schema}parcelles WHERE commune = '05061'");
        var path = await DownloadAsync("/collections/parcelles/items?f=csv&filter=" + Uri.EscapeDataString("commune='05061'"), "csv", "text/csv", "parcelles.csv");
        try
        {
            var lines = await File.ReadAllLinesAsync(path);
            Assert.StartsWith("id,commune,", lines[0], StringComparison.Ordinal);
            Assert.EndsWith(",WKT", lines[0], StringComparison.Ordinal);
            Assert.Equal(expected, lines.Length - 1);
            Assert.All(lines.Skip(1), l => Assert.Contains(",05061,", l, StringComparison.Ordinal));
            // GDAL's CSV driver reads the WKT column as the geometry.
            var geoJson = await ToGeoJsonAsync(path);
            var features = geoJson.GetProperty("features");
            Assert.Equal(expected, features.GetArrayLength());
            Assert.Contains(features[0].GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
            Assert.InRange(FirstX(features[0].GetProperty("geometry").GetProperty("coordinates")), 5, 8); // CRS84 longitude around Gap
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Bbox_properties_and_crs_apply_to_a_flatgeobuf_download()
    {
        var geoJson = await OgcApiClient.GetOkAsync(_client, "/collections/routes/items?bbox=6.0,44.5,6.15,44.6&limit=10000&f=geojson");
        var path = await DownloadAsync("/collections/routes/items?bbox=6.0,44.5,6.15,44.6&properties=nom&crs="
            + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/2154") + "&f=fgb", "fgb", "application/flatgeobuf", "routes.fgb");
        try
        {
            var read = await ToGeoJsonAsync(path);
            Assert.Equal(geoJson.Features.Count, read.GetProperty("features").GetArrayLength());
            var first = read.GetProperty("features")[0];
            Assert.Equal(["nom"], first.GetProperty("properties").EnumerateObject().Select(p => p.Name));
            Assert.InRange(FirstX(first.GetProperty("geometry").GetProperty("coordinates")), 800_000, 1_100_000); // Lambert-93 easting
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_limit_makes_the_download_one_page_and_errors_stay_json()
    {
        var path = await DownloadAsync("/collections/communes/items?f=csv&limit=3", "csv", "text/csv", "communes.csv");
        try
        {
            Assert.Equal(4, (await File.ReadAllLinesAsync(path)).Length);
        }
        finally
        {
            File.Delete(path);
        }
        await OgcApiClient.GetErrorAsync(_client, "/collections/communes/items?f=csv&filter=" + Uri.EscapeDataString("nope='x'"), HttpStatusCode.BadRequest);
        await OgcApiClient.GetErrorAsync(_client, "/collections/communes/items?f=fgb&bbox=1,2", HttpStatusCode.BadRequest);
    }
}
