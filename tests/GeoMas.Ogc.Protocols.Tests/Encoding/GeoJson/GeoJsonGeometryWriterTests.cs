using System.Buffers;
using System.Text.Json;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Protocols.Tests.Encoding.GeoJson;

public sealed class GeoJsonGeometryWriterTests
{
    private static string Write(Geometry? geometry, bool swap = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            GeoJsonGeometryWriter.Write(json, geometry, swap);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    [Theory]
    [InlineData("POINT (1 2)", """{"type":"Point","coordinates":[1,2]}""")]
    [InlineData("POINT EMPTY", """{"type":"Point","coordinates":[]}""")]
    [InlineData("POINT Z (1 2 3)", """{"type":"Point","coordinates":[1,2,3]}""")]
    [InlineData("LINESTRING (0 0, 1 1)", """{"type":"LineString","coordinates":[[0,0],[1,1]]}""")]
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))", """{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}""")]
    [InlineData("MULTIPOINT ((1 2), (3 4))", """{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}""")]
    [InlineData("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", """{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]}""")]
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", """{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}""")]
    [InlineData("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", """{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]}""")]
    [InlineData("POLYGON EMPTY", """{"type":"Polygon","coordinates":[]}""")]
    public void Writes_every_geometry_type_as_rfc_7946(string wkt, string expected) =>
        Assert.Equal(expected, Write(Wkt(wkt)));

    [Fact]
    public void Null_is_a_json_null() => Assert.Equal("null", Write(null));

    [Fact]
    public void Swapping_writes_y_before_x_everywhere()
    {
        Assert.Equal("""{"type":"MultiPolygon","coordinates":[[[[44.5,6.1],[44.5,6.2],[44.6,6.2],[44.5,6.1]]]]}""",
            Write(Wkt("MULTIPOLYGON (((6.1 44.5, 6.2 44.5, 6.2 44.6, 6.1 44.5)))"), swap: true));
    }

    [Fact]
    public void Coordinates_keep_full_round_trip_precision()
    {
        var x = 6.051050264147813;
        var y = 44.480937615301814;
        var text = Write(new GeometryFactory().CreatePoint(new Coordinate(x, y)));
        using var json = JsonDocument.Parse(text);
        var coordinates = json.RootElement.GetProperty("coordinates");

        Assert.Equal(x, coordinates[0].GetDouble());
        Assert.Equal(y, coordinates[1].GetDouble());
        Assert.Equal(944501.123456789, JsonDocument.Parse(Write(new GeometryFactory().CreatePoint(new Coordinate(944501.123456789, 1))))
            .RootElement.GetProperty("coordinates")[0].GetDouble());
    }
}
