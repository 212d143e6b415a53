using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering.Cql2;

public sealed class Cql2JsonParserTests
{
    private static string Json(string json, Cql2ParserOptions? options = null) =>
        FilterFormatter.ToText(Cql2JsonParser.Parse(json, options).Filter);

    private static string Text(string text) => FilterFormatter.ToText(Cql2TextParser.Parse(text).Filter);

    /// <summary>Each JSON filter and its text twin must give the same AST.</summary>
    [Theory]
    [InlineData("""{"op":"=","args":[{"property":"landsat:scene_id"},"LC82030282019133LGN00"]}""", "landsat:scene_id = 'LC82030282019133LGN00'")]
    [InlineData("""{"op":"and","args":[{"op":">","args":[{"property":"floors"},5]},{"op":"=","args":[{"property":"swimming_pool"},true]}]}""", "floors>5 AND swimming_pool=true")]
    [InlineData("""{"op":"or","args":[{"op":"<>","args":[{"property":"a"},1.5]},{"op":"<","args":[{"property":"b"},-2]},{"op":"<=","args":[{"property":"c"},3]}]}""", "a <> 1.5 OR b < -2 OR c <= 3")]
    [InlineData("""{"op":"not","args":[{"op":"isNull","args":[{"property":"value"}]}]}""", "NOT \"value\" IS NULL")]
    [InlineData("""{"op":">=","args":[{"property":"updated_at"},{"timestamp":"2012-08-10T05:30:00Z"}]}""", "updated_at >= TIMESTAMP('2012-08-10T05:30:00Z')")]
    [InlineData("""{"op":"=","args":[{"property":"d"},{"date":"2020-01-31"}]}""", "d = DATE('2020-01-31')")]
    [InlineData("""{"op":"like","args":[{"property":"nom"},"Ga%"]}""", "nom LIKE 'Ga%'")]
    [InlineData("""{"op":"between","args":[{"property":"population"},100,200]}""", "population BETWEEN 100 AND 200")]
    [InlineData("""{"op":"in","args":[{"property":"dep"},["05","04"]]}""", "dep IN ('05', '04')")]
    [InlineData("""{"op":"=","args":[{"op":"casei","args":[{"property":"nom"}]},{"op":"casei","args":["gap"]}]}""", "CASEI(nom) = CASEI('gap')")]
    [InlineData("""{"op":"like","args":[{"op":"casei","args":[{"property":"nom"}]},{"op":"casei","args":["ga%"]}]}""", "CASEI(nom) LIKE CASEI('ga%')")]
    [InlineData("""{"op":"<","args":[{"property":"valid_from"},{"property":"valid_to"}]}""", "valid_from < valid_to")]
    [InlineData("""{"op":">","args":[{"op":"*","args":[{"property":"hauteur"},2]},{"op":"+","args":[{"property":"largeur"},1]}]}""", "hauteur * 2 > largeur + 1")]
    [InlineData("""{"op":"=","args":[{"op":"upper","args":[{"property":"nom"}]},"GAP"]}""", "upper(nom) = 'GAP'")]
    [InlineData("""{"op":"=","args":[{"function":{"name":"lower","args":[{"property":"nom"}]}},"gap"]}""", "lower(nom) = 'gap'")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[6.08,44.56]}]}""", "S_INTERSECTS(geometry, POINT(6.08 44.56))")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[5.9,44.5,6.2,44.7]}]}""", "S_INTERSECTS(geometry, BBOX(5.9, 44.5, 6.2, 44.7))")]
    [InlineData("""{"op":"s_within","args":[{"property":"geom"},{"type":"Polygon","coordinates":[[[6,44],[7,44],[7,45],[6,45],[6,44]]]}]}""", "S_WITHIN(geom, POLYGON((6 44, 7 44, 7 45, 6 45, 6 44)))")]
    [InlineData("""{"op":"s_crosses","args":[{"property":"geometry"},{"type":"MultiLineString","coordinates":[[[6,44],[7,45]],[[6,45],[7,44]]]}]}""", "S_CROSSES(geometry, MULTILINESTRING((6 44, 7 45), (6 45, 7 44)))")]
    [InlineData("""{"op":"s_touches","args":[{"property":"geometry"},{"type":"MultiPoint","coordinates":[[6,44],[7,45]]}]}""", "S_TOUCHES(geometry, MULTIPOINT(6 44, 7 45))")]
    [InlineData("""{"op":"s_overlaps","args":[{"property":"geometry"},{"type":"MultiPolygon","coordinates":[[[[6,44],[7,44],[7,45],[6,44]]]]}]}""", "S_OVERLAPS(geometry, MULTIPOLYGON(((6 44, 7 44, 7 45, 6 44))))")]
    [InlineData("""{"op":"s_equals","args":[{"property":"geometry"},{"type":"LineString","coordinates":[[6,44],[7,45]]}]}""", "S_EQUALS(geometry, LINESTRING(6 44, 7 45))")]
    [InlineData("""{"op":"s_disjoint","args":[{"property":"geometry"},{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[6,44]}]}]}""", "S_DISJOINT(geometry, GEOMETRYCOLLECTION(POINT(6 44)))")]
    [InlineData("""{"op":"s_contains","args":[{"type":"Point","coordinates":[6,44]},{"property":"geometry"}]}""", "S_CONTAINS(POINT(6 44), geometry)")]
    [InlineData("""{"op":"t_before","args":[{"property":"updated_at"},{"timestamp":"2012-08-10T05:30:00Z"}]}""", "T_BEFORE(updated_at, TIMESTAMP('2012-08-10T05:30:00Z'))")]
    [InlineData("""{"op":"t_after","args":[{"property":"updated_at"},{"date":"2020-01-01"}]}""", "T_AFTER(updated_at, DATE('2020-01-01'))")]
    [InlineData("""{"op":"t_during","args":[{"property":"updated_at"},{"interval":["2020-01-01",".."]}]}""", "T_DURING(updated_at, INTERVAL('2020-01-01', '..'))")]
    [InlineData("""{"op":"t_intersects","args":[{"property":"updated_at"},{"interval":[{"date":"2020-01-01"},{"timestamp":"2020-02-01T00:00:00Z"}]}]}""", "T_INTERSECTS(updated_at, INTERVAL('2020-01-01', '2020-02-01T00:00:00Z'))")]
    [InlineData("""{"op":"t_equals","args":[{"property":"updated_at"},{"timestamp":"2020-01-01T00:00:00Z"}]}""", "T_EQUALS(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))")]
    [InlineData("""{"op":"t_disjoint","args":[{"property":"updated_at"},{"interval":["2020-01-01","2020-02-01"]}]}""", "T_DISJOINT(updated_at, INTERVAL('2020-01-01', '2020-02-01'))")]
    [InlineData("""{"op":"t_intersects","args":[{"interval":[{"property":"valid_from"},{"property":"valid_to"}]},{"interval":["2010-01-01","2010-12-31"]}]}""", "T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2010-01-01', '2010-12-31'))")]
    [InlineData("true", "TRUE")]
    public void Json_and_text_give_the_same_ast(string json, string text) => Assert.Equal(Text(text), Json(json));

    [Fact]
    public void Geojson_coordinates_follow_the_filter_crs_axis_order()
    {
        const string filter = """{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[44.56,6.08]}]}""";
        var epsg4326 = new Cql2ParserOptions { FilterCrs = CrsIdentifier.Parse("http://www.opengis.net/def/crs/EPSG/0/4326") };
        Assert.Equal("Intersects(<default>, POINT (6.08 44.56), srid=4326)", Json(filter, epsg4326));
        Assert.Equal("Intersects(<default>, POINT (44.56 6.08), srid=4326)", Json(filter));
    }

    [Theory]
    [InlineData("""{"op":"=","args":[{"property":"a"}]}""", "$.args")]
    [InlineData("""{"op":"and","args":[{"op":"=","args":[{"property":"a"},1]},{"op":"frobnicate","args":[]}]}""", "$.args[1]")]
    [InlineData("""{"op":"=","args":[{"property":"d"},{"date":"2020-02-30"}]}""", "$.args[1].date")]
    [InlineData("""{"op":"in","args":[{"property":"a"},1]}""", "$.args[1]")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[1,2,3]}]}""", "$.args[1]")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}]}""", "$.args[1].coordinates[0]")]
    [InlineData("""{"op":"like","args":[{"property":"a"},{"property":"b"}]}""", "$")]
    [InlineData("""{"args":[]}""", "$")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"op":"=","args":[{"op":"accenti","args":["é"]},"e"]}""", "$.args[0]")]
    public void Invalid_json_filters_name_the_offending_path(string json, string path)
    {
        var error = Assert.Throws<FilterParseException>(() => Cql2JsonParser.Parse(json));
        Assert.Contains($"(at {path})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_errors_carry_line_and_column()
    {
        var error = Assert.Throws<FilterParseException>(() => Cql2JsonParser.Parse("{\"op\":\"=\",\n \"args\": [1, }"));
        Assert.Equal(2, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Deep_json_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"op":"not","args":[""", 300)) + "true" + new string(']', 300).Replace("]", "]}", StringComparison.Ordinal);
        Assert.Throws<FilterParseException>(() => Cql2JsonParser.Parse(deep));
    }
}
