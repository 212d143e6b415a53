using System.Text.Json;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>Runs tests/interop/qgis_features.py: headless QGIS loads parcelles and plu_zones through a provider and counts them.</summary>
internal static class QgisFeatureLayers
{
    /// <param name="provider"><c>wfs</c> or <c>oapif</c>.</param>
    /// <returns>The script's JSON report.</returns>
    public static async Task<JsonDocument> ReportAsync(string provider, string baseUrl)
    {
        var run = await ExternalTool.RunAsync("/usr/bin/python3", [ExternalTool.Script("qgis_features.py"), provider, baseUrl],
            new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
            timeoutSeconds: 600);

        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{')));
    }
}
