using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// What the verbs that work through the server's own services (seed, truncate, sweep) share: their options read and
/// checked before anything is built (exit 2 with the reason), the server composed from the rest of the command line
/// but not started (exit 1 when the configuration is refused, its errors logged), the work, and the usage errors the
/// work finds (an unknown layer, a bad area: exit 2).
/// </summary>
public static class VerbApp
{
    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, IReadOnlyCollection<string> names,
        IReadOnlyCollection<string> flags, Action<VerbOptions> check, Func<VerbOptions, WebApplication, Task<int>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(work);
        VerbOptions options;
        try
        {
            options = VerbOptions.Take(commandLine.HostArgs, names, flags);
            check(options);
        }
        catch (FormatException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        var created = await GeoMasApp.CreateAsync(commandLine with { HostArgs = options.Rest }, cancellationToken: cancellationToken);
        if (created.App is not { } app)
            return 1;
        await using var _ = app;
        try
        {
            return await work(options, app);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            await output.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }
}
