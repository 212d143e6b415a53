using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Tests.Ows;

public sealed class PublicBaseUrlTests
{
    private static readonly ServiceMetadata Metadata = new() { Title = "t" };

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:5000");
        foreach (var (name, value) in headers)
            context.Request.Headers[name] = value;
        return context.Request;
    }

    [Fact]
    public void Without_proxy_headers_the_request_host_is_used() =>
        Assert.Equal("http://127.0.0.1:5000", PublicBaseUrl.Resolve(Request(), Metadata));

    [Fact]
    public void Forwarded_proto_host_port_and_prefix_are_honoured() =>
        Assert.Equal("https://geo.example.org:8443/maps", PublicBaseUrl.Resolve(Request(
            ("X-Forwarded-Proto", "https, http"), ("X-Forwarded-Host", "geo.example.org, proxy2"), ("X-Forwarded-Port", "8443"), ("X-Forwarded-Prefix", "/maps/")), Metadata));

    [Fact]
    public void Default_ports_are_not_written() =>
        Assert.Equal("https://geo.example.org", PublicBaseUrl.Resolve(Request(("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "geo.example.org"), ("X-Forwarded-Port", "443")), Metadata));

    [Theory]
    [InlineData("evil.org/path?x=")]
    [InlineData("a b")]
    [InlineData("user@host")]
    public void Implausible_forwarded_hosts_are_ignored(string host) =>
        Assert.Equal("http://127.0.0.1:5000", PublicBaseUrl.Resolve(Request(("X-Forwarded-Host", host)), Metadata));

    [Fact]
    public void Configured_url_wins() =>
        Assert.Equal("https://maps.example.com/geo", PublicBaseUrl.Resolve(Request(("X-Forwarded-Host", "other")), Metadata with { PublicBaseUrl = "https://maps.example.com/geo/" }));
}
