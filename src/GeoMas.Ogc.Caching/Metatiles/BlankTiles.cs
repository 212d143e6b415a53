using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Caching.Metatiles;

/// <summary>
/// The empty tile of each format and size, encoded once by the renderer and then shared: tiles outside a layer's
/// data are answered from here without a query, a render or a cache entry (WMTS-T2).
/// </summary>
public sealed class BlankTiles
{
    private readonly IMapRenderer _renderer;
    private readonly ConcurrentDictionary<(ImageFormat Format, int Width, int Height), TileContent> _tiles = new();

    public BlankTiles(IMapRenderer renderer) => _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));

    public TileContent Get(ImageFormat format, int width, int height) =>
        _tiles.GetOrAdd((format, width, height), static (k, renderer) =>
        {
            using var output = new MemoryStream();
            // Transparent where the format allows it; white otherwise (JPEG), as on a transparent map flattened for JPEG.
            renderer.RenderMessage(k.Width, k.Height, k.Format, k.Format.SupportsTransparency, RgbaColor.White, null, output);
            var bytes = output.ToArray();
            return new TileContent(bytes, k.Format.ContentType, TileEtag.Compute(bytes), IsBlank: true);
        }, _renderer);
}
