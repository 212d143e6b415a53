using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>What a TileJSON document says about one layer: where its tiles are and which zooms hold them.</summary>
/// <param name="BaseUrl">Public base URL without trailing '/' (<see cref="Ows.PublicBaseUrl"/>).</param>
/// <param name="Extension">Tile file extension of the template (png, jpg, webp).</param>
public sealed record TileJsonDocument(
    LayerDefinition Layer,
    ServiceMetadata Service,
    string BaseUrl,
    string Extension,
    XyzLayerOptions Options,
    (int MinZoom, int MaxZoom) Zooms);
