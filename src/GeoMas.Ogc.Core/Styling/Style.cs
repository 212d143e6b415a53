using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Core.Styling;

/// <summary>
/// A named style (one SLD NamedLayer/UserStyle). Immutable data: the SLD reader builds it, the renderer reads it,
/// nothing mutates it, so one instance is shared by all threads.
/// </summary>
public sealed record Style(string Name, string Title, string Abstract, IReadOnlyList<FeatureTypeStyle> FeatureTypeStyles)
{
    public IEnumerable<Rule> AllRules => FeatureTypeStyles.SelectMany(f => f.Rules);

    /// <summary>SLD UserStyle/IsDefault: the style a layer uses when the request names none.</summary>
    public bool IsDefault { get; init; }
}

/// <summary>Drawn one after another, each over the whole layer: road casings under road fills.</summary>
public sealed record FeatureTypeStyle(IReadOnlyList<Rule> Rules, string? Name = null);

/// <summary>
/// A rule applies when the scale denominator is in [Min, Max) and the filter matches
/// (an else-rule applies to features no other rule of its FeatureTypeStyle matched).
/// </summary>
public sealed record Rule
{
    public string Name { get; init; } = "";
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public Filter? Filter { get; init; }
    public bool IsElseFilter { get; init; }
    public double? MinScaleDenominator { get; init; }
    public double? MaxScaleDenominator { get; init; }
    public IReadOnlyList<Symbolizer> Symbolizers { get; init; } = [];

    public bool AppliesAtScale(double scaleDenominator) =>
        (MinScaleDenominator is not { } min || scaleDenominator >= min) &&
        (MaxScaleDenominator is not { } max || scaleDenominator < max);
}
