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
        var scope = request.Layer.Access?.Scope ?? Core.Security.CatalogViewBuilder.PublicScope;
        return inner.GetTileAsync(request.Scope == scope ? request : request with { Scope = scope }, cancellationToken);
    }
}
