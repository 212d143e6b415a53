using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Fes;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering.Fes;

public sealed class SortByReaderTests
{
    private static string Text(IEnumerable<SortKey> keys) =>
        string.Join(",", keys.Select(k => k.Property + (k.Direction == SortDirection.Descending ? " DESC" : " ASC")));

    [Theory]
    [InlineData("nom ASC,id DESC", "nom ASC,id DESC")]
    [InlineData("nom", "nom ASC")]
    [InlineData(" geomas:nom desc , geomas:parcelles/geomas:id ", "nom DESC,id ASC")]
    [InlineData("nom A,id D", "nom ASC,id DESC")]
    [InlineData("+nom,-id", "nom ASC,id DESC")]
    public void Kvp_sortby(string value, string expected) => Assert.Equal(expected, Text(SortByKvpParser.Parse(value)));

    [Theory]
    [InlineData("nom ASC,", 8)]
    [InlineData("nom UP", 0)]
    [InlineData("nom ASC, id DESC extra", 9)]
    [InlineData("nom;DROP TABLE x", 0)]
    [InlineData("a,b[1]", 2)]
    public void Bad_kvp_sortby(string value, int position)
    {
        var error = Assert.Throws<FilterParseException>(() => SortByKvpParser.Parse(value));
        Assert.Equal("sortBy", error.Locator);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Fes_sortby_in_both_namespaces()
    {
        const string fes20 = """
            <fes:SortBy xmlns:fes="http://www.opengis.net/fes/2.0">
              <fes:SortProperty><fes:ValueReference>geomas:nom</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty>
              <fes:SortProperty><fes:ValueReference>id</fes:ValueReference></fes:SortProperty>
            </fes:SortBy>
            """;
        Assert.Equal("nom DESC,id ASC", Text(Fes20SortByReader.Read(fes20)));
        const string ogc = """<ogc:SortBy xmlns:ogc="http://www.opengis.net/ogc"><ogc:SortProperty><ogc:PropertyName>nom</ogc:PropertyName><ogc:SortOrder>ASC</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>""";
        Assert.Equal("nom ASC", Text(Fes20SortByReader.Read(ogc)));
    }

    [Theory]
    [InlineData("<fes:SortBy/>")]
    [InlineData("<fes:SortBy><fes:SortProperty><fes:ValueReference>nom</fes:ValueReference><fes:SortOrder>UP</fes:SortOrder></fes:SortProperty></fes:SortBy>")]
    [InlineData("<fes:SortBy><fes:SortProperty/></fes:SortBy>")]
    [InlineData("<fes:SortBy><fes:SortProperty>")]
    public void Bad_fes_sortby(string xml)
    {
        var error = Assert.Throws<FilterParseException>(() => Fes20SortByReader.Read(xml));
        Assert.Equal("sortBy", error.Locator);
    }
}
