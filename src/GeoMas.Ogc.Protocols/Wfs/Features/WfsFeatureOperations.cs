using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// WFS GetFeature (including the GetFeatureById stored query) and GetPropertyValue. The <c>/wfs</c> dispatcher
/// parses the envelope (KVP or XML) into a <see cref="WfsRequestInput"/> and calls these; errors are thrown as
/// <see cref="ServiceException"/> before the first byte is written, so the dispatcher's OWS ExceptionReport applies.
/// </summary>
public sealed class WfsFeatureOperations
{
    private readonly ICatalogProvider _catalog;
    private readonly IFeatureSourceProvider _sources;
    private readonly CrsRegistry _crs;
    private readonly TimeProvider _clock;

    public WfsFeatureOperations(ICatalogProvider catalog, IFeatureSourceProvider sources, CrsRegistry crs, TimeProvider? clock = null)
    {
        _catalog = catalog;
        _sources = sources;
        _crs = crs;
        _clock = clock ?? TimeProvider.System;
    }

    public Task GetFeatureAsync(HttpContext context, WfsRequestInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        _ = (_catalog, _sources, _crs, _clock, context, ct);
        throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported", "GetFeature is being built.", "request");
    }

    public Task GetPropertyValueAsync(HttpContext context, WfsRequestInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported", "GetPropertyValue is being built.", "request");
    }
}
