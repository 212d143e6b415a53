using System.Security.Claims;
using System.Text.RegularExpressions;
using GeoMas.Ogc.Server.Security;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>Tells bulk tile clients apart: an API key flagged <c>bulk</c>, or a User-Agent matching a configured pattern.</summary>
public sealed class BulkClientDetector
{
    private readonly Regex[] _userAgents;

    public BulkClientDetector(BulkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _userAgents = [.. options.UserAgentPatterns.Select(p =>
            new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(50)))];
    }

    public bool IsBulk(ClaimsPrincipal? user, string? userAgent)
    {
        if (user?.HasClaim(SecurityClaims.Bulk, "true") == true)
            return true;
        if (string.IsNullOrEmpty(userAgent))
            return false;
        foreach (var pattern in _userAgents)
        {
            if (pattern.IsMatch(userAgent))
                return true;
        }
        return false;
    }
}
