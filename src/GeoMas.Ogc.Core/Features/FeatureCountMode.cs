namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// How a layer answers "how many features match" (numberMatched, WFS hits), set per layer with <c>count</c>:
/// <see cref="Exact"/> counts the rows; <see cref="Estimated"/> asks the database's statistics (PostgreSQL's
/// reltuples for an unfiltered query, the planner's row estimate otherwise) so a first page or a hits request on a
/// large table never scans it; <see cref="None"/> leaves the number out.
/// </summary>
public enum FeatureCountMode { Exact, Estimated, None }

/// <summary>Configuration names of <see cref="FeatureCountMode"/>.</summary>
public static class FeatureCountModes
{
    public static FeatureCountMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "exact" => FeatureCountMode.Exact,
        "estimated" => FeatureCountMode.Estimated,
        "none" => FeatureCountMode.None,
        _ => null,
    };
}
