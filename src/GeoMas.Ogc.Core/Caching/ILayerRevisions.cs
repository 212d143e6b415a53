namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// The data revision of each layer, part of every <see cref="TileKey"/>: bumping it makes every cached tile of the
/// layer unreachable at once, without scanning any store (STYLE.md §8.4, Martin's <c>get_version</c>). Shared across
/// server instances in production (a Redis-backed implementation), so no instance keeps a private truth about data.
/// </summary>
public interface ILayerRevisions
{
    /// <summary>The current revision of a drawable (non-group) layer.</summary>
    long Current(string layerId);
}
