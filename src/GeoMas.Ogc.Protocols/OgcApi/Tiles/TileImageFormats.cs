namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// The encodings of map tiles, selected by <c>f</c> or <c>Accept</c> through <see cref="OgcApiContentNegotiation"/>:
/// PNG first (the default, transparent), then JPEG (<c>jpg</c>, or <c>jpeg</c> as a synonym) and WebP — the formats
/// WMTS and XYZ serve, so all three share cached tiles.
/// </summary>
public static class TileImageFormats
{
    public static OgcApiRepresentation Png { get; } = new("png", "image/png");
    public static OgcApiRepresentation Jpeg { get; } = new("jpg", "image/jpeg");
    public static OgcApiRepresentation WebP { get; } = new("webp", "image/webp");

    /// <summary>The advertised ones, in link order.</summary>
    public static IReadOnlyList<OgcApiRepresentation> Advertised { get; } = [Png, Jpeg, WebP];

    /// <summary>What <c>f</c> and <c>Accept</c> may select.</summary>
    public static IReadOnlyList<OgcApiRepresentation> Accepted { get; } = [Png, Jpeg, new("jpeg", "image/jpeg"), WebP];

    public static Core.Rendering.ImageFormat ImageOf(OgcApiRepresentation representation) =>
        Core.Rendering.ImageFormat.Find(representation.MediaType)
        ?? throw new ArgumentException($"{representation.MediaType} is not an image format.", nameof(representation));
}
