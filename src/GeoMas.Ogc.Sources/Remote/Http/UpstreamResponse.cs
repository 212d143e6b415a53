using System.Net;

namespace GeoMas.Ogc.Sources.Remote.Http;

/// <summary>A buffered upstream answer: status, media type (lower case, no parameters) and body.</summary>
public sealed record UpstreamResponse(HttpStatusCode Status, string MediaType, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
    public bool IsImage => MediaType.StartsWith("image/", StringComparison.Ordinal);
}
