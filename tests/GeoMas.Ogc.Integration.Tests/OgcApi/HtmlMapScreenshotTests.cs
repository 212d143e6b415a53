using System.Text.RegularExpressions;
using GeoMas.Ogc.Integration.Tests.Interop;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// The items HTML page in a real browser: headless Chromium opens it from the real server (Kestrel, PostGIS); the
/// page's Leaflet (served by the server from /assets, no npm, no CDN) draws the page's parcels over the server's own
/// XYZ base map. The DOM must report the features drawn, and the screenshot must show them: many pixels of the
/// feature colour (magenta, used by nothing else on the page) and a drawn base map (many colours).
/// </summary>
public sealed partial class HtmlMapScreenshotTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const int Width = 1000;
    private const int Height = 900;

    [Fact]
    public async Task Items_page_in_headless_Chromium_draws_the_features_on_the_map()
    {
        var page = server.BaseUrl + "/collections/parcelles/items?f=html&limit=40&commune=05061";
        var profile = Directory.CreateTempSubdirectory("geomas-chromium-");
        var screenshot = Path.Combine(profile.FullName, "items-page.png");
        try
        {
            var dom = await RunChromiumAsync(profile.FullName, ["--dump-dom", page]);
            var drawn = DrawnPattern().Match(dom.Stdout);
            Assert.True(drawn.Success, "the page did not report features on its map:\n" + dom.Stdout[..Math.Min(dom.Stdout.Length, 4000)] + "\n" + dom.Stderr);
            Assert.Equal("40", drawn.Groups["count"].Value);

            var shot = await RunChromiumAsync(profile.FullName, ["--screenshot=" + screenshot, page]);
            Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot:\n" + shot);
            KeepForPeople(screenshot);

            using var bitmap = SKBitmap.Decode(screenshot);
            Assert.Equal(Width, bitmap.Width);
            var featurePixels = 0;
            var colours = new HashSet<uint>();
            for (var y = 0; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var pixel = bitmap.GetPixel(x, y);
                    colours.Add((uint)pixel);
                    // #b5179e outlines and #f72585 fills blended over the map: strong red and blue, little green.
                    if (pixel.Red > 150 && pixel.Blue > 90 && pixel.Green < 110 && pixel.Red - pixel.Green > 90)
                        featurePixels++;
                }
            }
            Assert.True(featurePixels > 2000, $"only {featurePixels} pixels have the feature colour: the parcels are not drawn");
            Assert.True(colours.Count > 200, $"{colours.Count} colours: the base map looks blank");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static Task<ExternalTool.Result> RunChromiumAsync(string profile, IEnumerable<string> arguments) =>
        ExternalTool.RunAsync("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, $"--window-size={Width},{Height}", "--hide-scrollbars",
            "--virtual-time-budget=15000", .. arguments,
        ], timeoutSeconds: 180);

    // tests/out is git-ignored: the picture stays there for people to look at after a run.
    private static void KeepForPeople(string screenshot)
    {
        var output = Path.Combine(RepositoryPaths.Root, "tests", "out");
        Directory.CreateDirectory(output);
        File.Copy(screenshot, Path.Combine(output, "ogcapi-items-page.png"), overwrite: true);
    }

    [GeneratedRegex(@"data-drawn=""(?<count>\d+)""")]
    private static partial Regex DrawnPattern();
}
