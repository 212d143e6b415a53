namespace GeoMas.Ogc.Server.Reload;

/// <summary>The outcome of the last reload attempt (readiness details and POST /admin/reload answer).</summary>
public sealed record ReloadStatus(
    DateTimeOffset AttemptedAt, bool Succeeded, IReadOnlyList<string> Errors, string UpdateSequence, DateTimeOffset? LastSucceededAt);
