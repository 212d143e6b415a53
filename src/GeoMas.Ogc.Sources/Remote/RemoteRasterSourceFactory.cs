using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Remote.Http;
using GeoMas.Ogc.Sources.Remote.Wms;
using GeoMas.Ogc.Sources.Remote.Wmts;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>
/// Opens cascaded sources (<see cref="SourceKind.RemoteWmts"/>, <see cref="SourceKind.RemoteWms"/>) for the raster
/// source registry. Opening never touches the network: the <see cref="RemoteCapabilitiesRefresher"/> reads the
/// capabilities in the background, and the source answers Unavailable until then.
/// </summary>
public sealed class RemoteRasterSourceFactory(CrsRegistry crs, RemoteSourceMonitor monitor) : IRasterSourceFactory
{
    public bool CanOpen(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind is SourceKind.RemoteWmts or SourceKind.RemoteWms;
    }

    public IRasterSource Open(SourceDefinition source, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(layer);
        var remote = source.Remote ?? throw new RasterSourceException($"source '{source.Id}' has no remote section");
        var srid = source.Kind == SourceKind.RemoteWms ? remote.Srid ?? layer.Srid : layer.Srid;
        // The finest resolution is only known from the capabilities; announce a 5 cm pixel (finer than any
        // orthophoto served) so that nothing upstream of the read caps the resolution asked for.
        var finest = 0.05 / crs.MetersPerUnit(srid);
        // The layer's configured extent, else the CRS's area of use (the upstream's coverage is only known later).
        var extent = layer.Extent.IsNull || layer.Extent.Area <= 0 ? crs.ValidBounds(srid) : layer.Extent;
        var info = new RasterInfo(srid, extent, finest, finest, IsOpaque: remote.Format == "image/jpeg");
        var client = new UpstreamClient(source.Id, remote.Policy);
        return source.Kind == SourceKind.RemoteWmts
            ? Track(new RemoteWmtsSource(source.Id, remote, info, client, crs))
            : Track(new RemoteWmsSource(source.Id, remote, info, client));
    }

    private RemoteRasterSource<T> Track<T>(RemoteRasterSource<T> source)
        where T : class
    {
        source.OnDispose = () => monitor.Remove(source);
        monitor.Add(source);
        return source;
    }
}
