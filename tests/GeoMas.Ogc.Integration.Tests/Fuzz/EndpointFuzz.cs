using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// The fuzz run shared by the PostGIS and GeoPackage servers: every template answered 2xx first (the fuzz starts
/// from real requests), then the cases, then the server still ready and every template still answered.
/// GEOMAS_FUZZ_CASES sets the number of cases (longer local runs), GEOMAS_FUZZ_SEED the seed.
/// </summary>
internal static class EndpointFuzz
{
    public const int DefaultSeed = 20261128;

    public static int Cases(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("GEOMAS_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : defaultCount;

    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("GEOMAS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static async Task RunAsync(HttpClient client, IReadOnlyList<FuzzTemplate> templates,
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> principals, int cases, ITestOutputHelper output)
    {
        var runner = new FuzzRunner(client, TimeSpan.FromSeconds(30), parallelism: 4);
        var trusted = principals[0];
        await AssertTemplatesAnsweredAsync(runner, templates, trusted, "before");

        var seed = Seed;
        var generators = principals.Select(p => new FuzzCaseGenerator(templates, seed, p)).ToList();
        var clock = Stopwatch.StartNew();
        var outcomes = await runner.RunAsync(Indexes(cases).Select(i => (i, generators[i % generators.Count].Generate(i))));
        clock.Stop();

        var failures = outcomes.Where(o => o.Problem is { } p && !p.StartsWith("unsendable", StringComparison.Ordinal)).ToList();
        output.WriteLine(Summary(outcomes, seed, clock.Elapsed));
        foreach (var failure in failures.Take(60))
            output.WriteLine(failure.ToString());

        using var ready = await client.GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, $"not ready after the fuzz: {(int)ready.StatusCode}");
        await AssertTemplatesAnsweredAsync(runner, templates, trusted, "after");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {outcomes.Count} fuzz cases failed (seed {seed}):\n" + string.Join("\n", failures.Take(25)));
    }

    /// <summary>Cases 0..count-1, or only those GEOMAS_FUZZ_ONLY lists ("12,345": reproduce failures by index).</summary>
    private static IEnumerable<int> Indexes(int count) =>
        Environment.GetEnvironmentVariable("GEOMAS_FUZZ_ONLY") is { Length: > 0 } only
            ? only.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture))
            : Enumerable.Range(0, count);

    private static async Task AssertTemplatesAnsweredAsync(FuzzRunner runner, IReadOnlyList<FuzzTemplate> templates,
        IReadOnlyList<KeyValuePair<string, string>> credentials, string when)
    {
        var outcomes = await runner.RunAsync(templates.Select((t, i) => (i, t.AsRequest(credentials))));
        var refused = outcomes.Where(o => o.Status is < 200 or >= 300).ToList();
        Assert.True(refused.Count == 0, $"valid requests not answered {when} the fuzz:\n" + string.Join("\n", refused));
    }

    private static string Summary(IReadOnlyList<FuzzOutcome> outcomes, int seed, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{outcomes.Count} cases, seed {seed}, {elapsed.TotalSeconds:F1} s; status: ");
        text.AppendJoin(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        text.Append("; unsendable ").Append(outcomes.Count(o => o.Status == -1));
        text.AppendLine().Append("per protocol: ");
        text.AppendJoin(", ", outcomes.GroupBy(o => o.Request.Protocol).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        text.AppendLine().Append("slowest: ");
        text.AppendJoin(" | ", outcomes.OrderByDescending(o => o.Elapsed).Take(3).Select(o => $"{o.Elapsed.TotalMilliseconds:F0} ms #{o.Index} {o.Request.Describe(160)}"));
        return text.ToString();
    }
}
