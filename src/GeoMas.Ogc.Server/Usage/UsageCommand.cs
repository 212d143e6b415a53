using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Usage.Export;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// <c>geomas usage export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group-by partner,layer,protocol,day]
/// [--format csv|json] [--clients] [--output file]</c>: reads the store the <c>usage</c> section names (files or
/// PostgreSQL) without starting a server. A running server's last minute of counts is still in its memory:
/// <c>GET /admin/usage</c> flushes it first.
/// </summary>
public static class UsageCommand
{
    private static readonly string[] Names = ["from", "to", "group-by", "format", "output"];

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var args = commandLine.HostArgs;
        if (args.Length == 0 || args[0] != "export")
        {
            await error.WriteLineAsync("usage: geomas usage export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group-by partner,layer,protocol,day] [--format csv|json] [--clients] [--output file]");
            return 2;
        }
        var options = VerbOptions.Take(args[1..], Names, ["clients"]);
        UsageQuery query;
        try
        {
            query = UsageQuery.Parse(options.Get("from"), options.Get("to"), options.Get("group-by"), options.Get("format") ?? "csv",
                options.Flag("clients"), DateOnly.FromDateTime(DateTime.UtcNow));
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        var configuration = new ConfigurationManager();
        var configDirectory = GeoMasConfiguration.AddGeoMasSources(configuration, commandLine.ConfigPath, options.Rest, out _, out var problem);
        if (configDirectory is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return 1;
        }
        var usage = configuration.GetSection("usage").Get<UsageOptions>() ?? new UsageOptions();
        var store = UsageExtensions.CreateStore(usage, configDirectory);
        try
        {
            var rows = await UsageReport.BuildAsync(store, query, cancellationToken);
            if (options.Get("output") is { } file)
            {
                await using var stream = File.Create(file);
                await UsageExportWriter.WriteAsync(stream, query, rows, cancellationToken);
                await error.WriteLineAsync($"{rows.Count} row(s) written to {file}");
            }
            else
            {
                await using var stream = new MemoryStream();
                await UsageExportWriter.WriteAsync(stream, query, rows, cancellationToken);
                var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
                await output.WriteAsync(text);
                // The JSON document ends without a newline; a shell prompt must not follow it on the same line.
                if (!text.EndsWith('\n'))
                    await output.WriteLineAsync();
                await output.FlushAsync(cancellationToken);
            }
            return 0;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException or InvalidDataException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
                await disposable.DisposeAsync();
        }
    }
}
