using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>Dispatches the verbs; the exit code is 0 on success, 1 on a configuration or data problem, 2 on usage errors.</summary>
public static class GeoMasCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var commandLine = CommandLine.Parse(args);
        if (commandLine.Error is not null)
        {
            await Console.Error.WriteLineAsync($"geomas: {commandLine.Error}\n\n{CommandLine.Usage}");
            return 2;
        }
        switch (commandLine.Verb)
        {
            case CliVerb.Help:
                Console.WriteLine(CommandLine.Usage);
                return 0;
            case CliVerb.Check:
                return await CheckCommand.RunAsync(commandLine, Console.Out, CancellationToken.None);
            default:
                var created = await GeoMasApp.CreateAsync(commandLine);
                if (created.App is not { } app)
                    return 1;
                await app.RunAsync();
                return 0;
        }
    }
}
