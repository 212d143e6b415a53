using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Tests.Ows;

public sealed class KvpParsersTests
{
    [Theory]
    [InlineData("-.0005E1", -0.005)]
    [InlineData("-25E-4", -0.0025)]
    [InlineData("+05E-3", 0.005)]
    [InlineData(".00025E+1", 0.0025)]
    [InlineData("944000.5", 944000.5)]
    public void Numbers_accept_sign_and_exponent_in_invariant_culture(string text, double expected) =>
        Assert.Equal(expected, KvpParsers.ParseDouble(text, "BBOX"), 12);

    [Theory]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    [InlineData("0x10")]
    [InlineData("1 000")]
    public void Non_numbers_are_invalid_parameter_values(string text)
    {
        var error = Assert.Throws<ServiceException>(() => KvpParsers.ParseDouble(text, "BBOX"));
        Assert.Equal(("InvalidParameterValue", "BBOX"), (error.Code, error.Locator));
    }

    [Theory]
    [InlineData(5.42, "5.42")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(6.5e-7, "6.5E-07")]
    public void Formatting_round_trips(double value, string expected)
    {
        Assert.Equal(expected, KvpParsers.Format(value));
        Assert.Equal(value, KvpParsers.ParseDouble(KvpParsers.Format(value), "X"));
    }

    [Theory]
    [InlineData("1,2,3,4", true)]
    [InlineData("1,2,1,4", false)]
    [InlineData("1,4,3,2", false)]
    [InlineData("1,2,3", false)]
    [InlineData("1,2,3,4,5", false)]
    public void Bbox_needs_four_numbers_with_min_below_max(string text, bool valid)
    {
        if (valid)
            Assert.Equal([1d, 2d, 3d, 4d], KvpParsers.ParseBbox(text, "BBOX"));
        else
            Assert.Throws<ServiceException>(() => KvpParsers.ParseBbox(text, "BBOX"));
    }

    [Theory]
    [InlineData("0xFF0000", 255, 0, 0)]
    [InlineData("0x0000ff", 0, 0, 255)]
    [InlineData("#00FF00", 0, 255, 0)]
    public void Colours_are_hex(string text, byte r, byte g, byte b) =>
        Assert.Equal(new RgbaColor(r, g, b), KvpParsers.ParseColor(text, "BGCOLOR", RgbaColor.White));

    [Theory]
    [InlineData(null, false)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Booleans(string? text, bool expected) => Assert.Equal(expected, KvpParsers.ParseBoolean(text, "TRANSPARENT", false));

    [Fact]
    public void Lists_keep_empty_entries() => Assert.Equal(["a", "", "b"], KvpParsers.ParseList("a,,b"));

    [Fact]
    public void Kvp_names_are_case_insensitive_values_decoded_and_first_wins()
    {
        var kvp = KvpRequest.Parse("?LaYeRs=a+b&layers=c&BBOX=1%2C2&STYLES=");
        Assert.Equal("a b", kvp.Get("LAYERS"));
        Assert.Equal("1,2", kvp.Get("bbox"));
        Assert.Equal("", kvp.Get("STYLES"));
        Assert.Null(kvp.Get("NOPE"));
        Assert.Equal("STYLES", Assert.Throws<ServiceException>(() => kvp.Require("STYLES")).Locator);
    }
}
