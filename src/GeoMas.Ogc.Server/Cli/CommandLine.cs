namespace GeoMas.Ogc.Server.Cli;

public enum CliVerb { Serve, Check, Help, Seed, Truncate, Sweep, InstallTriggers, ApiKey, HashPassword, IndexRasters, Usage }

/// <summary>
/// The verb and <c>--config</c> of a command line; every other argument is left for ASP.NET Core's command-line
/// configuration (<c>--urls</c>, <c>--Limits:MaxWidth=2048</c>, ...).
/// </summary>
public sealed record CommandLine(CliVerb Verb, string? ConfigPath, string[] HostArgs, string? Error)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = CliVerb.Serve;
        string? config = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && !arg.StartsWith('-'))
            {
                switch (arg.ToLowerInvariant())
                {
                    case "serve": verb = CliVerb.Serve; continue;
                    case "check": verb = CliVerb.Check; continue;
                    case "help": verb = CliVerb.Help; continue;
                    case "seed": verb = CliVerb.Seed; continue;
                    case "truncate": verb = CliVerb.Truncate; continue;
                    case "sweep": verb = CliVerb.Sweep; continue;
                    case "install-triggers": verb = CliVerb.InstallTriggers; continue;
                    case "index-rasters": verb = CliVerb.IndexRasters; continue;
                    case "apikey": verb = CliVerb.ApiKey; continue;
                    case "hash-password": verb = CliVerb.HashPassword; continue;
                    case "usage": verb = CliVerb.Usage; continue;
                    default: return new CommandLine(CliVerb.Help, null, [], $"unknown verb '{arg}'");
                }
            }
            if (arg is "-h" or "--help" or "-?")
            {
                verb = CliVerb.Help;
                continue;
            }
            if (arg is "--config" or "-c")
            {
                if (i + 1 >= args.Count)
                    return new CommandLine(CliVerb.Help, null, [], "--config needs a file");
                config = args[++i];
                continue;
            }
            if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = arg["--config=".Length..];
                continue;
            }
            rest.Add(arg);
        }
        return new CommandLine(verb, config, [.. rest], null);
    }

    public const string Usage = """
        Usage: geomas [serve|check|seed|truncate|sweep|install-triggers|apikey|hash-password|usage] [--config <file>] [options]

          serve (default)   run the server (port 5000 unless --urls or ASPNETCORE_URLS says otherwise)
          check             validate the configuration, the style files and the database tables, columns
                            and SRIDs; print every problem; exit 1 when there is one, 0 otherwise
          seed              fill the tile cache: --layers a,b --zoom 0-16 [--tms WebMercatorQuad]
                            [--commune 05061 | --epci 200067742 | --departement 05 | --bbox x1,y1,x2,y2
                            [--bbox-crs EPSG:4326]] [--concurrency N] [--format image/png] [--style s]
                            [--restart]; progress on stderr; an interrupted seed resumes when run again
          truncate          drop cached tiles: --layers a,b [--tms T] [--zoom 12-18] [area as seed];
                            running servers drop them too; a whole layer is a revision bump
          sweep             clean the disk tile store now, as the server does every hour: tiles unused for
                            [--max-age-days N] (cache.diskMaxAgeDays, 30), then the least recently used above
                            [--max-megabytes M] (cache.diskMaxMegabytes); 0 lifts a bound
          install-triggers  install the PostGIS change-capture triggers ([--remove] to drop them)
          index-rasters     index a folder of GeoTIFF/COG files for a mosaic raster source:
                            index-rasters <folder> --output <index.json> (point a raster source's path at it)
          apikey            print a new API key and its security.apiKeys entry (hash only):
                            [--id geotrek] [--partner cc-a] [--roles agent,web]
          hash-password     read a password on stdin, print its PBKDF2 hash for security.users
          usage export      usage counters from the usage store: [--from 2026-01-01] [--to 2026-01-31]
                            [--group-by partner,principal,layer,protocol,day] [--format csv|json]
                            [--clients (distinct clients per application and day)] [--output file]
          --config <file>   configuration file (default: config/geomas.json, found from the current folder
                            or above the program); relative paths are tried from the current folder, then
                            from the repository root. GEOMAS_CONFIG sets the same.

        Any configuration key can be overridden by an environment variable (Limits__MaxWidth=2048) or on the
        command line (--Limits:MaxWidth=2048); ${VAR:-default} in connection strings reads the environment.
        """;
}
