using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Encoding.GeoJson;

public sealed class GeoJsonPositionFormatterTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData(6.051050264147813, 44.480937615301814, 7, "[6.0510503,44.4809376]")]
    [InlineData(944501.123456789, 6382664.8716, 3, "[944501.123,6382664.872]")]
    [InlineData(6.5, -44.25, 7, "[6.5,-44.25]")]
    [InlineData(1, 2, 7, "[1,2]")]
    [InlineData(-0.00000001, 0.00000005, 7, "[0,0.0000001]")]
    [InlineData(-0.0123, 100.0000001, 3, "[-0.012,100]")]
    [InlineData(0.05, 0.0005, 3, "[0.05,0.001]")]
    public void Rounds_half_away_from_zero_and_drops_trailing_zeros(double x, double y, int decimals, string expected) =>
        Assert.Equal(expected, Write(json => GeoJsonPositionFormatter.Write(json, x, y, null, decimals)));

    [Fact]
    public void Writes_z_and_separates_positions_inside_arrays()
    {
        var text = Write(json =>
        {
            json.WriteStartArray();
            GeoJsonPositionFormatter.Write(json, 1.25, 2.5, 1000.1234, 2);
            GeoJsonPositionFormatter.Write(json, 3, 4, null, 2);
            json.WriteEndArray();
        });
        Assert.Equal("[[1.25,2.5,1000.12],[3,4]]", text);
    }

    [Fact]
    public void Huge_values_fall_back_to_rounded_doubles()
    {
        var text = Write(json => GeoJsonPositionFormatter.Write(json, 1e300, 2, null, 7));
        using var document = JsonDocument.Parse(text);
        Assert.Equal(1e300, document.RootElement[0].GetDouble());
        Assert.Equal(2, document.RootElement[1].GetDouble());
    }

    [Fact]
    public void Random_values_match_rounding_the_double()
    {
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var x = (random.NextDouble() - 0.5) * 2_000_000;
            var decimals = i % 8;
            var text = Write(json => GeoJsonPositionFormatter.Write(json, x, 0, null, decimals));
            using var document = JsonDocument.Parse(text);
            var written = document.RootElement[0].GetDouble();
            Assert.True(Math.Abs(written - x) <= 0.5 * Math.Pow(10, -decimals) * (1 + 1e-9) + 1e-9,
                $"{x.ToString("R", CultureInfo.InvariantCulture)} with {decimals} decimals gave {text}");
        }
    }

    [Fact]
    public void Geometry_writer_rounds_every_position_when_asked()
    {
        var line = new GeometryFactory().CreateLineString([new Coordinate(6.123456789, 44.987654321), new Coordinate(6.1, 44.9)]);
        var text = Write(json => GeoJsonGeometryWriter.Write(json, line, swapAxes: true, decimals: 7));
        Assert.Equal("""{"type":"LineString","coordinates":[[44.9876543,6.1234568],[44.9,6.1]]}""", text);
    }

    [Theory]
    [InlineData(true, 7)]
    [InlineData(false, 3)]
    public void Degrees_keep_seven_decimals_and_metres_three(bool geographic, int decimals) =>
        Assert.Equal(decimals, GeoJsonPositionFormatter.DecimalsFor(geographic));
}
