using GeoMas.Ogc.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Integration.Tests.Server.Http;

/// <summary>The forwarded headers middleware runs for every request that carries one of its headers, and only those.</summary>
public class ForwardingHeadersTests
{
    private static readonly ForwardingHeaders Forwarding = new(new ForwardedHeadersOptions());

    private static HttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
            context.Request.Headers[name] = value;
        return context;
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Forwarded-Host", "geo.example.org")]
    [InlineData("X-Forwarded-Prefix", "/ogc")]
    [InlineData("x-forwarded-for", "203.0.113.7")]
    public void A_request_with_any_forwarding_header_goes_through_the_middleware(string name, string value) =>
        Assert.True(Forwarding.CarriedBy(Request(("Accept", "image/png"), (name, value))));

    [Fact]
    public void A_request_without_one_skips_it()
    {
        Assert.False(Forwarding.CarriedBy(Request()));
        Assert.False(Forwarding.CarriedBy(Request(("Accept", "image/png"), ("Forwarded", "for=203.0.113.7"), ("X-Real-IP", "203.0.113.7"))));
    }

    [Fact]
    public void The_names_are_those_the_middleware_is_configured_with()
    {
        var renamed = new ForwardingHeaders(new ForwardedHeadersOptions { ForwardedForHeaderName = "X-Client-IP" });

        Assert.True(renamed.CarriedBy(Request(("X-Client-IP", "203.0.113.7"))));
        Assert.False(renamed.CarriedBy(Request(("X-Forwarded-For", "203.0.113.7"))));
    }
}
