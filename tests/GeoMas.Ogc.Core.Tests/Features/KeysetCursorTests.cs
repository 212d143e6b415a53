using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Core.Tests.Features;

public sealed class KeysetCursorTests
{
    [Theory]
    [InlineData("05061000AW0025")]
    [InlineData("42")]
    [InlineData("é/?&=+ \n id")]
    public void Round_trips_an_id_as_url_safe_text(string id)
    {
        var token = KeysetCursor.Encode("parcelles", id);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(id, KeysetCursor.Decode(token, "parcelles"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("JyBPUiAxPTE7IC0t")]            // base64 of "' OR 1=1; --": not a cursor
    [InlineData("azEKcGFyY2VsbGVzCg")]          // "k1\nparcelles\n": no position
    [InlineData("azIKcGFyY2VsbGVzCjE")]         // another version
    public void Anything_but_a_cursor_of_this_server_is_a_400(string token)
    {
        var e = Assert.Throws<ServiceException>(() => KeysetCursor.Decode(token, "parcelles"));
        Assert.Equal(ErrorKind.InvalidParameter, e.Kind);
        Assert.Equal("cursor", e.Locator);
    }

    [Fact]
    public void A_cursor_of_another_collection_is_refused()
    {
        var token = KeysetCursor.Encode("batiments", "12");
        var e = Assert.Throws<ServiceException>(() => KeysetCursor.Decode(token, "parcelles"));
        Assert.Contains("batiments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_tokens_are_refused_before_decoding() =>
        Assert.Throws<ServiceException>(() => KeysetCursor.Decode(new string('A', 5000), "parcelles"));
}
