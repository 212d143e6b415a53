using System.Text.Json.Serialization;
using GeoMas.Ogc.Caching.Seeding;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>One background job of the admin endpoint and what <c>GET /admin/jobs/{id}</c> reports of it.</summary>
public sealed class AdminJob
{
    private volatile SeedProgress? _progress;

    public AdminJob(string kind) => Kind = kind;

    [JsonPropertyName("id")]
    public string Id { get; } = Guid.NewGuid().ToString("N");

    [JsonPropertyName("kind")]
    public string Kind { get; }

    /// <summary>running, succeeded, failed.</summary>
    [JsonPropertyName("status")]
    public string Status { get; internal set; } = "running";

    [JsonPropertyName("message")]
    public string? Message { get; internal set; }

    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    [JsonPropertyName("finished")]
    public DateTimeOffset? Finished { get; internal set; }

    [JsonPropertyName("tilesDone")]
    public long? TilesDone => _progress?.Done;

    [JsonPropertyName("tilesTotal")]
    public long? TilesTotal => _progress?.Total;

    [JsonPropertyName("tilesPerSecond")]
    public double? TilesPerSecond => _progress is { } p ? Math.Round(p.Rate, 1) : null;

    internal void Observe(SeedProgress progress) => _progress = progress;
}
