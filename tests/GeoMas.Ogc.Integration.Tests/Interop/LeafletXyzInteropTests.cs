using System.Text.RegularExpressions;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// A real web map: Leaflet (tests/interop/web, from npm) in headless Chromium shows the <c>plan</c> group as XYZ tiles
/// (<c>/tiles/plan/{z}/{x}/{y}.png?123</c>, the Geotrek URL shape) over Gap at z15 from the real server on Kestrel.
/// The page is opened from a file:// URL, so every tile is a cross-origin request: it also proves CORS.
/// </summary>
public sealed partial class LeafletXyzInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const int Width = 800;
    private const int Height = 600;

    private static string WebFolder => Path.Combine(RepositoryPaths.Root, "tests", "interop", "web");

    [Fact]
    public async Task Leaflet_in_headless_Chromium_draws_the_plan_tiles_over_Gap()
    {
        await EnsureLeafletAsync();
        var page = new Uri(Path.Combine(WebFolder, "xyz.html")).AbsoluteUri + "?base=" + Uri.EscapeDataString(server.BaseUrl) + "&layer=plan&z=15";
        var profile = Directory.CreateTempSubdirectory("geomas-chromium-");
        var screenshot = Path.Combine(profile.FullName, "leaflet-xyz.png");
        try
        {
            // The DOM first: the page counts Leaflet's tileload/tileerror events.
            var dom = await RunChromiumAsync(profile.FullName, ["--dump-dom", page]);
            var status = StatusPattern().Match(dom.Stdout);
            Assert.True(status.Success, "the page did not report its tiles:\n" + dom);
            var loaded = int.Parse(status.Groups["loaded"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(loaded >= 12, $"only {loaded} tiles loaded (an 800×600 view needs at least 4 × 3):\n{status.Value}");
            Assert.Equal("0", status.Groups["failed"].Value);

            var shot = await RunChromiumAsync(profile.FullName, ["--screenshot=" + screenshot, page]);
            Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot:\n" + shot);
            KeepForPeople(screenshot);

            using var bitmap = SKBitmap.Decode(screenshot);
            Assert.Equal(Width, bitmap.Width);
            Assert.Equal(Height, bitmap.Height);

            // The map area, away from the status line and the attribution: a drawn plan has many colours, and most
            // pixels differ from Leaflet's empty grey (#ddd) background.
            var colours = new HashSet<uint>();
            var background = 0;
            var total = 0;
            for (var y = 20; y < Height - 30; y += 2)
            {
                for (var x = 0; x < Width; x += 2)
                {
                    var pixel = bitmap.GetPixel(x, y);
                    colours.Add((uint)pixel);
                    total++;
                    if (pixel.Red == 0xdd && pixel.Green == 0xdd && pixel.Blue == 0xdd)
                        background++;
                }
            }
            Assert.True(colours.Count > 50, $"the map looks blank: {colours.Count} colours");
            Assert.True(background < total / 20, $"{background} of {total} sampled pixels are Leaflet's empty background");
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
            "--virtual-time-budget=10000", .. arguments,
        ], timeoutSeconds: 180);

    // tests/scripts/setup-services runs `npm ci` here; a fresh checkout run without it still works when npm can reach its cache.
    private static async Task EnsureLeafletAsync()
    {
        if (File.Exists(Path.Combine(WebFolder, "node_modules", "leaflet", "dist", "leaflet.js")))
            return;
        var install = await ExternalTool.RunAsync("npm", ["ci", "--prefix", WebFolder, "--no-audit", "--no-fund"], timeoutSeconds: 300);
        Assert.True(install.ExitCode == 0, "npm ci in tests/interop/web failed:\n" + install);
    }

    // tests/out is git-ignored: the picture stays there for people to look at after a run.
    private static void KeepForPeople(string screenshot)
    {
        var output = Path.Combine(RepositoryPaths.Root, "tests", "out");
        Directory.CreateDirectory(output);
        File.Copy(screenshot, Path.Combine(output, "leaflet-xyz.png"), overwrite: true);
    }

    [GeneratedRegex(@"tiles loaded=(?<loaded>\d+) failed=(?<failed>\d+)")]
    private static partial Regex StatusPattern();
}
