using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Sources.Sql;

namespace GeoMas.Ogc.Sources.Tests.Sql;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("ab*c.", '*', '.', '!', "ab%c_", "ab*c?")]
    [InlineData("100!%*", '*', '.', '!', "100\\%%", "100%*")]
    [InlineData("a_b%[x]*", '*', '.', '!', "a\\_b\\%[x]%", "a_b%[[]x]*")]
    [InlineData("x!*y", '*', '.', '!', "x*y", "x[*]y")]
    public void Translates_wildcards_and_escapes_literals(string pattern, char wild, char single, char escape, string like, string glob)
    {
        var p = new LikePattern(new Like(new PropertyName("a"), pattern, wild, single, escape));

        Assert.Equal(like, p.ToSqlLike());
        Assert.Equal(glob, p.ToGlob());
    }

    [Fact]
    public void Case_insensitive_patterns_are_folded_but_wildcards_kept()
    {
        var p = new LikePattern(new Like(new PropertyName("a"), "ÉCOLE%", MatchCase: false));

        Assert.Equal("école%", p.ToSqlLike());
        Assert.Equal("école*", p.ToGlob());
    }
}
