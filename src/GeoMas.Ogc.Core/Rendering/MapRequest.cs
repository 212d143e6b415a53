using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>A drawable layer and the style to draw it with (groups are expanded before this).</summary>
public sealed record MapLayer(LayerDefinition Layer, LayerStyle? Style);

/// <summary>
/// "Draw this map": the protocol-neutral question WMS GetMap, WMTS, XYZ and OGC API tiles all become.
/// <see cref="Bbox"/> is in x/y (east/north, lon/lat) order of <see cref="Srid"/>; axis swaps happen in parsers.
/// </summary>
public sealed record MapRequest
{
    public required Envelope Bbox { get; init; }
    public required int Srid { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    /// <summary>Layers bottom to top.</summary>
    public required IReadOnlyList<MapLayer> Layers { get; init; }
    public ImageFormat Format { get; init; } = ImageFormat.Png;
    public bool Transparent { get; init; }
    public RgbaColor Background { get; init; } = RgbaColor.White;
    /// <summary>Output resolution; 90.714 dpi = the OGC 0.28 mm pixel.</summary>
    public double Dpi { get; init; } = StandardDpi;
    public TimeSelection? Time { get; init; }

    /// <summary>
    /// Extra pixels rendered around the image and cut off afterwards (metatile buffer). 0 for WMS, where the query
    /// is still grown by the largest symbol so nothing is cut at the edge.
    /// </summary>
    public int Buffer { get; init; }

    /// <summary>
    /// Labels already placed over an extent holding this map, on the same pixel grid (a metatile's, from
    /// <see cref="IMapRenderer.PlaceLabelsAsync"/>): drawn as they are instead of placing this map's own.
    /// </summary>
    public PlacedLabels? Labels { get; init; }

    public const double StandardDpi = 25.4 / 0.28;
}
