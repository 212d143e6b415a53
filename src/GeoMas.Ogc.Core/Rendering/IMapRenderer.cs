using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>Draws maps. Fetches features through <see cref="Features.IFeatureSourceProvider"/>, never through protocols.</summary>
public interface IMapRenderer
{
    /// <summary>Renders and encodes the map into <paramref name="output"/>.</summary>
    Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken);

    /// <summary>
    /// Places the labels of <paramref name="request"/> (its extent and buffer) without drawing anything else, for
    /// maps rendered later inside that extent with <see cref="MapRequest.Labels"/>. Null when this renderer only
    /// places labels while drawing a whole map: callers then render the whole extent at once.
    /// </summary>
    Task<PlacedLabels?> PlaceLabelsAsync(MapRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<PlacedLabels?>(null);

    /// <summary>An image of the requested size and format carrying an error message (WMS EXCEPTIONS=INIMAGE) or nothing but the background (BLANK).</summary>
    void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output);
}

/// <summary>A legend question: one layer/style, optionally one rule, at a scale.</summary>
public sealed record LegendRequest
{
    public required LayerDefinition Layer { get; init; }
    public required LayerStyle Style { get; init; }
    /// <summary>Only this rule (GetLegendGraphic RULE); null = every rule visible at <see cref="ScaleDenominator"/>.</summary>
    public string? RuleName { get; init; }
    public double? ScaleDenominator { get; init; }
    /// <summary>Size of each rule's swatch (GetLegendGraphic WIDTH/HEIGHT); default 20×20.</summary>
    public int SymbolWidth { get; init; } = 20;
    public int SymbolHeight { get; init; } = 20;
    public ImageFormat Format { get; init; } = ImageFormat.Png;
    public bool Transparent { get; init; } = true;
    public double Dpi { get; init; } = MapRequest.StandardDpi;
}

public readonly record struct LegendSize(int Width, int Height);

public interface ILegendRenderer
{
    /// <summary>The pixel size <see cref="RenderAsync"/> will produce (for LegendURL width/height).</summary>
    LegendSize Measure(LegendRequest request);

    Task RenderAsync(LegendRequest request, Stream output, CancellationToken cancellationToken);
}
