using System.Net;
using GeoMas.Ogc.Server.RateLimiting;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Integration.Tests.Operations;

public class RateLimitPartitionerTests
{
    private static readonly RateLimitOptions Options = new()
    {
        Enabled = true,
        Anonymous = new RateLimitPolicyOptions { Burst = 10 },
        ApiKey = new RateLimitPolicyOptions { Burst = 20 },
        User = null,
        Partners = { ["ca-gap"] = new RateLimitPolicyOptions { Burst = 30 } },
    };

    private static DefaultHttpContext Context(string? id, string? partner, string ip = "203.0.113.7")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (id is not null)
            context.User = SecurityClaims.Create("test", id, partner, []);
        return context;
    }

    [Theory]
    [InlineData(null, null, RateLimitClass.Anonymous, "ip:203.0.113.7")]
    [InlineData("key:web", null, RateLimitClass.ApiKey, "key:web")]
    [InlineData("user:bob", "cc-ouest", RateLimitClass.User, "user:bob")]
    [InlineData("jwt:agent-a", "ca-gap", RateLimitClass.User, "jwt:agent-a")]
    public void Requests_are_counted_against_their_key_user_or_client_ip(string? id, string? partner, RateLimitClass expectedClass, string expectedId)
    {
        var key = RateLimitPartitioner.Classify(Context(id, partner));

        Assert.Equal(new RateLimitPartitionKey(expectedClass, expectedId), key);
    }

    [Fact]
    public void A_partner_override_replaces_the_class_limit_and_a_missing_class_is_unlimited()
    {
        Assert.Equal(30, RateLimitPartitioner.PolicyFor(Options, RateLimitClass.ApiKey, "ca-gap")!.Burst);
        Assert.Equal(30, RateLimitPartitioner.PolicyFor(Options, RateLimitClass.User, "ca-gap")!.Burst);
        Assert.Equal(20, RateLimitPartitioner.PolicyFor(Options, RateLimitClass.ApiKey, "other")!.Burst);
        Assert.Null(RateLimitPartitioner.PolicyFor(Options, RateLimitClass.User, null));
        // Anonymous callers claim no partner: the override never applies to them.
        Assert.Equal(10, RateLimitPartitioner.PolicyFor(Options, RateLimitClass.Anonymous, "ca-gap")!.Burst);
    }

    [Theory]
    [InlineData("/health/live", true)]
    [InlineData("/health/ready", true)]
    [InlineData("/metrics", true)]
    [InlineData("/collections", false)]
    [InlineData("/healthy", false)]
    public void Health_and_metrics_are_exempt(string path, bool exempt)
    {
        Assert.Equal(exempt, RateLimitPartitioner.IsExempt(new PathString(path)));
    }
}
