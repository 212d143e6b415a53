using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Core.Tests.Caching;

/// <summary>A key is equal to another only when every member is (its hash covers only some of them).</summary>
public sealed class TileKeyTests
{
    private static readonly TileKey Key = new("plan", "default", "WebMercatorQuad", "16", 23686, 33876, "image/png", "", "public", 7);

    public static TheoryData<TileKey> OneMemberChanged() =>
    [
        Key with { Layer = "parcelles" },
        Key with { Style = "night" },
        Key with { TileMatrixSet = "LAMB93" },
        Key with { TileMatrix = "17" },
        Key with { Row = 23687 },
        Key with { Col = 33877 },
        Key with { Format = "image/webp" },
        Key with { Time = "2024-01-01" },
        Key with { Scope = "role:agents" },
        Key with { Revision = 8 },
    ];

    [Theory]
    [MemberData(nameof(OneMemberChanged))]
    public void A_key_differing_in_any_member_is_another_key(TileKey other)
    {
        Assert.NotEqual(Key, other);
        Assert.False(Key.Equals(other));
        var dictionary = new Dictionary<TileKey, int> { [Key] = 1 };
        Assert.False(dictionary.ContainsKey(other));
    }

    [Fact]
    public void Keys_built_apart_from_equal_members_are_equal_and_hash_alike()
    {
        // Strings built at run time: equality must not rest on the same instances.
        var copy = new TileKey(string.Concat("pl", "an"), "default", "WebMercatorQuad", 16.ToString(System.Globalization.CultureInfo.InvariantCulture),
            23686, 33876, "image/png", "", "public", 7);

        Assert.Equal(Key, copy);
        Assert.Equal(Key.GetHashCode(), copy.GetHashCode());
        Assert.Contains(copy, new HashSet<TileKey> { Key });
        Assert.False(Key.Equals(null));
    }
}
