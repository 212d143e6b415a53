namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>Who a request is counted against (also the <c>class</c> tag of the rejection counter).</summary>
public enum RateLimitClass
{
    Anonymous,
    ApiKey,
    User,
}
