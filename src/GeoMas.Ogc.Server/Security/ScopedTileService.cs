using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// Puts the layer's access scope into every tile request (hence into the <see cref="TileKey"/>): a tile rendered
/// for one territory or attribute set is never served to another caller, while every caller who sees the whole
/// layer shares the public tiles. Protocols build <see cref="TileRequest"/>s from the scoped catalog, so the layer
/// object already carries its scope.
/// </summary>
public sealed class ScopedTileService(ITileService inner) : ITileService
{
    public Task<TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return inner.GetTileAsync(Scoped(request), cancellationToken);
    }

    /// <summary>The request with its layer's access scope (the same object when it already has it).</summary>
    public static TileRequest Scoped(TileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = request.Layer.Access?.Scope ?? Core.Security.CatalogViewBuilder.PublicScope;
        return request.Scope == scope ? request : request with { Scope = scope };
    }
}
