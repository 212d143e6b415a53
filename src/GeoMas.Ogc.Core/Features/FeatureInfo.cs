using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// "What is under this pixel?" (WMS/WMTS GetFeatureInfo). The map viewport is given as in <see cref="Rendering.MapRequest"/>
/// (x/y order of <see cref="Srid"/>); I is the column, J the row, from the upper-left pixel.
/// </summary>
public sealed record FeatureInfoRequest
{
    public required Envelope Bbox { get; init; }
    public required int Srid { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required IReadOnlyList<LayerDefinition> QueryLayers { get; init; }
    public required double I { get; init; }
    public required double J { get; init; }
    /// <summary>Most features returned per layer.</summary>
    public int FeatureCount { get; init; } = 1;
    /// <summary>Search radius around the pixel, in pixels (lines and points are hard to hit exactly).</summary>
    public int TolerancePixels { get; init; } = 4;
    public TimeSelection? Time { get; init; }
    /// <summary>SRID of returned geometries; null = the map's.</summary>
    public int? OutputSrid { get; init; }
}

public sealed record FeatureInfoResult(LayerDefinition Layer, IReadOnlyList<string> Properties, IReadOnlyList<Feature> Features);

public interface IFeatureInfoService
{
    Task<IReadOnlyList<FeatureInfoResult>> QueryAsync(FeatureInfoRequest request, CancellationToken cancellationToken);
}
