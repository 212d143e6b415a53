using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>Writes GetFeatureInfo results in one INFO_FORMAT, streamed to the response.</summary>
public interface IFeatureInfoEncoder
{
    /// <summary>The INFO_FORMAT value advertised and accepted.</summary>
    string MimeType { get; }

    /// <summary>The Content-Type header sent.</summary>
    string ContentType { get; }

    /// <param name="srid">SRID of the geometries (the map CRS).</param>
    Task WriteAsync(IReadOnlyList<FeatureInfoResult> results, int srid, Stream output, CancellationToken cancellationToken);
}
