namespace GeoMas.Ogc.Core.Usage;

/// <summary>
/// What a protocol handler tells usage metering about the request it serves: the layer(s) it answered for and how
/// many tiles and features it sent. The server puts one in the request's features (<c>HttpContext.Features</c>)
/// when metering is on; handlers call it with <c>?.</c>, so metering off costs them nothing. Who asked, the protocol,
/// the day and the bytes written are known to the metering middleware and are not the handler's business.
/// </summary>
public interface IUsageRecorder
{
    /// <summary>The layer (or feature type, collection) served; several calls name several layers of one request.</summary>
    void Layer(string layerId);

    /// <summary>Tiles sent (a 304 revalidation sends none).</summary>
    void Tiles(long count);

    /// <summary>Features written into the response.</summary>
    void Features(long count);
}
