using System.Text.Json;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// <c>geomas apikey</c>: a new random key (printed once: give it to the partner) and the entry to put in a
/// security file (only its hash). <c>geomas hash-password</c>: the PBKDF2 hash of a password read from stdin.
/// </summary>
public static class CredentialCommands
{
    public static int NewApiKey(CommandLine commandLine, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(output);
        var options = VerbOptions.Take(commandLine.HostArgs, ["id", "partner", "roles"], []);
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
        output.WriteLine("entry for security.apiKeys (the key itself is not stored anywhere):");
        output.WriteLine(JsonSerializer.Serialize(entry, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        return 0;
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
