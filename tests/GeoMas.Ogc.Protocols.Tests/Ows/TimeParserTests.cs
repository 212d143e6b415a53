using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Tests.Ows;

public sealed class TimeParserTests
{
    [Fact]
    public void Current_is_the_default_selection() => Assert.True(TimeParser.Parse("current").IsCurrent);

    [Fact]
    public void Interval_to_present_is_open_ended()
    {
        var range = Assert.Single(TimeParser.Parse("2020-01-01/present").Ranges);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), range.Start);
        Assert.Null(range.End);
    }

    [Fact]
    public void Offsets_are_converted_to_utc()
    {
        var range = Assert.Single(TimeParser.Parse("2020-01-01T02:00:00+02:00").Ranges);
        Assert.True(range.IsInstant);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), range.Start);
    }

    [Fact]
    public void Year_month_is_the_whole_month()
    {
        var range = Assert.Single(TimeParser.Parse("2021-02").Ranges);
        Assert.Equal(new DateTimeOffset(2021, 2, 1, 0, 0, 0, TimeSpan.Zero), range.Start);
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), range.End);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("2020-13-01")]
    [InlineData("2020-01-01/2020-02-01/X")]
    [InlineData("2020/2021/P1D/x")]
    [InlineData("12")]
    public void Garbage_is_an_invalid_dimension_value(string text)
    {
        var error = Assert.Throws<ServiceException>(() => TimeParser.Parse(text));
        Assert.Equal(("InvalidDimensionValue", "TIME"), (error.Code, error.Locator));
    }
}
