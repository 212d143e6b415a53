using System.Text.Json;

namespace GeoMas.Ogc.Server.Configuration;

/// <summary>
/// Resolves <c>"extends": "geomas.json"</c>: a configuration file may name a base file (relative to its own folder)
/// that is loaded first, so <c>geomas.postgis.json</c> only says what differs (the <c>main</c> source) and the layer
/// definitions live in one place. Returns the files base first; ASP.NET configuration layers them in that order
/// (objects merge key by key, arrays element by element).
/// </summary>
public static class ConfigFileChain
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<string> Resolve(string path, out string? error)
    {
        error = null;
        var chain = new List<string>();
        var current = Path.GetFullPath(path);
        while (true)
        {
            if (chain.Contains(current, StringComparer.Ordinal))
            {
                error = $"configuration files extend each other in a cycle: {string.Join(" -> ", chain.Append(current))}";
                return [];
            }
            if (!File.Exists(current))
            {
                error = $"configuration file '{current}' not found" + (chain.Count > 0 ? $" (extended by {chain[^1]})" : "");
                return [];
            }
            chain.Add(current);
            string? parent;
            try
            {
                parent = ReadExtends(current);
            }
            catch (JsonException ex)
            {
                error = $"configuration file '{current}' is not valid JSON: {ex.Message}";
                return [];
            }
            if (parent is null)
                break;
            current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, parent));
        }
        chain.Reverse();
        return chain;
    }

    private static string? ReadExtends(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, ReadOptions);
        return document.RootElement.ValueKind == JsonValueKind.Object &&
               document.RootElement.TryGetProperty("extends", out var extends) && extends.ValueKind == JsonValueKind.String
            ? extends.GetString()
            : null;
    }
}
