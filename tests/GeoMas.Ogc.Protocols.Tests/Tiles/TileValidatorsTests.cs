using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Protocols.Tiles;
using Microsoft.Extensions.Primitives;

namespace GeoMas.Ogc.Protocols.Tests.Tiles;

public class TileValidatorsTests
{
    private static readonly TileContent Rendered = new([1, 2, 3], "image/png", "\"rendered\"");
    private static readonly TileContent Compact = Rendered with { Bytes = [1, 2], ETag = "\"compact\"", RenderedETag = "\"rendered\"" };

    [Theory]
    [InlineData(null, false, "\"compact\"")]
    [InlineData("\"compact\"", true, "\"compact\"")]
    [InlineData("W/\"compact\"", true, "\"compact\"")]
    [InlineData("\"other\", \"compact\"", true, "\"compact\"")]
    [InlineData("*", true, "\"compact\"")]
    // A client holding the bytes as rendered keeps them: the 304 names its copy.
    [InlineData("\"rendered\"", true, "\"rendered\"")]
    [InlineData("\"other\"", false, "\"compact\"")]
    public void A_compacted_tile_is_not_modified_for_its_own_etag_and_for_the_rendered_one(string? ifNoneMatch, bool notModified, string etag)
    {
        var header = ifNoneMatch is null ? StringValues.Empty : new StringValues(ifNoneMatch);

        Assert.Equal(notModified, TileValidators.IsNotModified(header, Compact, out var sent));
        Assert.Equal(etag, sent);
    }

    [Fact]
    public void A_tile_as_rendered_has_one_validator_and_a_bare_hash_is_quoted()
    {
        Assert.True(TileValidators.IsNotModified(new StringValues("\"rendered\""), Rendered, out var sent));
        Assert.Equal("\"rendered\"", sent);
        Assert.False(TileValidators.IsNotModified(new StringValues("\"compact\""), Rendered, out _));

        var bare = Rendered with { ETag = "abc123" };
        Assert.True(TileValidators.IsNotModified(new StringValues("\"abc123\""), bare, out sent));
        Assert.Equal("\"abc123\"", sent);
    }
}
