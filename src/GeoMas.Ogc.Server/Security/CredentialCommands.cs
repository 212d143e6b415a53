using System.Text.Json;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Security.Store;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// <c>geomas apikey</c>: a new random key (printed once: give it to the partner) and the entry to put in a
/// security file (only its hash); with <c>--store postgres</c> the entry is written to the credential store instead
/// (<c>--revoke &lt;id&gt;</c> revokes a stored key). <c>geomas hash-password</c>: the PBKDF2 hash of a password read from stdin.
/// </summary>
public static class CredentialCommands
{
    public static int NewApiKey(CommandLine commandLine, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(output);
        var options = VerbOptions.Take(commandLine.HostArgs, ["id", "partner", "roles", "store", "revoke"], []);
        PostgresCredentialStore? store = null;
        if (options.Get("store") is { } storeName)
        {
            store = OpenStore(commandLine, options, storeName, output);
            if (store is null)
                return 2;
        }
        using var disposeStore = store is null ? null : new StoreDisposer(store);
        if (options.Get("revoke") is { } revoked)
        {
            if (store is null)
            {
                output.WriteLine("geomas apikey: --revoke needs --store postgres (for a key in a file, set \"revoked\": true there)");
                return 2;
            }
            var found = store.RevokeApiKeyAsync(revoked, CancellationToken.None).GetAwaiter().GetResult();
            output.WriteLine(found ? $"revoked: {revoked}" : $"no stored key has the id '{revoked}'");
            return found ? 0 : 1;
        }
        var key = ApiKeyHasher.NewKey();
        var entry = new ApiKeyOptions
        {
            Id = options.Get("id") ?? "key-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            Hash = ApiKeyHasher.Hash(key),
            Partner = options.Get("partner"),
            Roles = [.. options.List("roles")],
        };
        output.WriteLine($"key:   {key}");
        output.WriteLine($"hash:  {entry.Hash}");
        if (store is not null)
        {
            store.SaveApiKeyAsync(entry, CancellationToken.None).GetAwaiter().GetResult();
            output.WriteLine($"stored in the credential store as '{entry.Id}' (only the hash; running servers pick it up on NOTIFY)");
            return 0;
        }
        output.WriteLine("entry for security.apiKeys (the key itself is not stored anywhere):");
        output.WriteLine(JsonSerializer.Serialize(entry, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        return 0;
    }

    /// <summary>The credential store of the configuration (<c>security.store</c>), its tables created if missing.</summary>
    private static PostgresCredentialStore? OpenStore(CommandLine commandLine, VerbOptions options, string storeName, TextWriter output)
    {
        if (!storeName.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine($"geomas apikey: --store takes 'postgres', not '{storeName}'");
            return null;
        }
        var configuration = new ConfigurationManager();
        if (GeoMasConfiguration.AddGeoMasSources(configuration, commandLine.ConfigPath, options.Rest, out _, out var error) is null)
        {
            output.WriteLine($"geomas apikey: {error}");
            return null;
        }
        if (configuration.GetSection("security:store").Get<CredentialStoreOptions>() is not { Postgres.Length: > 0 } storeOptions)
        {
            output.WriteLine("geomas apikey: security.store.postgres is not configured");
            return null;
        }
        var store = new PostgresCredentialStore(storeOptions);
        store.EnsureTablesAsync(CancellationToken.None).GetAwaiter().GetResult();
        return store;
    }

    private sealed class StoreDisposer(PostgresCredentialStore store) : IDisposable
    {
        public void Dispose() => store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public static int HashPassword(TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("geomas hash-password: give the password on stdin (one line)");
            return 2;
        }
        output.WriteLine(PasswordHasher.Hash(password));
        return 0;
    }
}
