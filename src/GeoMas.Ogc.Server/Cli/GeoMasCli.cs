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
            case CliVerb.Seed:
                return await RunCancellableAsync(token => SeedCommand.RunAsync(commandLine, Console.Out, Console.Error, token));
            case CliVerb.Truncate:
                return await TruncateCommand.RunAsync(commandLine, Console.Out, CancellationToken.None);
            case CliVerb.Sweep:
                return await RunCancellableAsync(token => SweepCommand.RunAsync(commandLine, Console.Out, token));
            case CliVerb.InstallTriggers:
                return await InstallTriggersCommand.RunAsync(commandLine, Console.Out, CancellationToken.None);
            case CliVerb.IndexRasters:
                return await IndexRastersCommand.RunAsync(commandLine, Console.Out, Console.Error);
            case CliVerb.ApiKey:
                return Security.CredentialCommands.NewApiKey(commandLine, Console.Out);
            case CliVerb.HashPassword:
                return Security.CredentialCommands.HashPassword(Console.In, Console.Out, Console.Error);
            case CliVerb.Usage:
                return await Usage.UsageCommand.RunAsync(commandLine, Console.Out, Console.Error, CancellationToken.None);
            default:
                var created = await GeoMasApp.CreateAsync(commandLine);
                if (created.App is not { } app)
                    return 1;
                await app.RunAsync();
                return 0;
        }
    }

    /// <summary>Ctrl+C cancels the work (which saves its state) instead of killing the process.</summary>
    private static async Task<int> RunCancellableAsync(Func<CancellationToken, Task<int>> run)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += handler;
        try
        {
            return await run(cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= handler;
        }
    }
}
