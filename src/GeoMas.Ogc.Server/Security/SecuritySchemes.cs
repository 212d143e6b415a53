namespace GeoMas.Ogc.Server.Security;

/// <summary>Authentication scheme names; <see cref="Policy"/> picks one of the others from the request.</summary>
public static class SecuritySchemes
{
    public const string Policy = "GeoMas";
    public const string ApiKey = "ApiKey";
    public const string Basic = "Basic";
    public const string Bearer = "Bearer";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyQuery = "apikey";

    /// <summary>Bearer and Basic by their Authorization header, everything else (keys, nothing) to the API key scheme.</summary>
    public static string Select(Microsoft.AspNetCore.Http.HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Bearer;
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Basic;
        return ApiKey;
    }
}
