using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Tests.Wms;

public sealed class WmsVersionsTests
{
    [Theory]
    [InlineData(null, WmsVersion.V130)]
    [InlineData("1.3.0", WmsVersion.V130)]
    [InlineData("2.0", WmsVersion.V130)]
    [InlineData("1.1.1", WmsVersion.V111)]
    [InlineData("1.1.0", WmsVersion.V111)]
    [InlineData("1.0.0", WmsVersion.V111)]
    [InlineData("garbage", WmsVersion.V130)]
    public void Capabilities_negotiation(string? requested, WmsVersion expected) => Assert.Equal(expected, WmsVersions.Negotiate(requested));

    [Theory]
    [InlineData("1.3.0", WmsVersion.V130)]
    [InlineData("1.1.1", WmsVersion.V111)]
    public void Operations_need_a_served_version(string requested, WmsVersion expected) =>
        Assert.Equal(expected, WmsVersions.ParseForOperation(requested));

    [Fact]
    public void Operations_without_version_fail_on_version() =>
        Assert.Equal("VERSION", Assert.Throws<ServiceException>(() => WmsVersions.ParseForOperation(null)).Locator);

    [Theory]
    [InlineData("XML", WmsExceptionFormat.Xml)]
    [InlineData("inimage", WmsExceptionFormat.InImage)]
    [InlineData("application/vnd.ogc.se_blank", WmsExceptionFormat.Blank)]
    [InlineData("whatever", WmsExceptionFormat.Xml)]
    public void Exception_formats(string text, WmsExceptionFormat expected) => Assert.Equal(expected, WmsExceptionFormats.Parse(text));
}
