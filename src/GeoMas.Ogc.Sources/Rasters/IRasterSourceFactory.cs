using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>
/// Opens the <see cref="IRasterSource"/> of raster layers for one kind of source definition: local COG files,
/// folders and mosaic indexes (<see cref="LocalRasterSourceFactory"/>), remote WMS/WMTS (cascade). The
/// <see cref="RasterSourceRegistry"/> asks each factory in turn; the first whose <see cref="CanOpen"/> is true opens it.
/// </summary>
/// <remarks>
/// Sources are opened once per raster layer at startup (and again on each catalog reload); the registry disposes
/// them (<see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>) when it is disposed. Open must validate what it
/// can (file present, header readable, CRS known) and throw <see cref="RasterSourceException"/> with a message fit
/// for <c>geomas check</c>; it must not do per-request work or block on a remote server for long.
/// </remarks>
public interface IRasterSourceFactory
{
    /// <summary>True when this factory handles <paramref name="source"/> (decided from its kind and connection).</summary>
    bool CanOpen(SourceDefinition source);

    /// <summary>Opens the source of <paramref name="layer"/> (a <see cref="LayerKind.Raster"/> layer whose SourceId is <paramref name="source"/>).</summary>
    IRasterSource Open(SourceDefinition source, LayerDefinition layer);
}
