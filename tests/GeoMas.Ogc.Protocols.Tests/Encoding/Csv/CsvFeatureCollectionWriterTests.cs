using System.Buffers;
using System.IO.Pipelines;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.Csv;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Encoding.Csv;

public sealed class CsvFeatureCollectionWriterTests
{
    private static readonly GeometryFactory Factory = new();

    private static async Task<byte[]> WriteAsync(IReadOnlyList<string> columns, IEnumerable<Feature> features, bool geometry = true)
    {
        var stream = new MemoryStream();
        var pipe = PipeWriter.Create(stream);
        await using (var writer = new CsvFeatureCollectionWriter(pipe, columns, geometry))
        {
            foreach (var feature in features)
                await writer.WriteFeatureAsync(feature, CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }
        await pipe.CompleteAsync();
        return stream.ToArray();
    }

    [Fact]
    public async Task Header_values_and_wkt_follow_rfc_4180_with_crlf_and_invariant_numbers()
    {
        var features = new[]
        {
            new Feature("1", Factory.CreatePoint(new Coordinate(6.0794, 44.5594)), ["1", 12.5, new DateOnly(2024, 3, 1), true]),
            new Feature("2", null, ["2", null, null, false]),
        };
        var text = System.Text.Encoding.UTF8.GetString(await WriteAsync(["id", "surface", "date", "bati"], features));

        Assert.Equal(
            "id,surface,date,bati,WKT\r\n" +
            "1,12.5,2024-03-01,true,\"POINT (6.0794 44.5594)\"\r\n" +
            "2,,,false,\r\n", text);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("Sentier de l'Écureuil", "Sentier de l'Écureuil")]
    public async Task Fields_are_quoted_only_when_needed_and_quotes_doubled(string value, string expected)
    {
        var text = System.Text.Encoding.UTF8.GetString(await WriteAsync(["nom"], [new Feature("1", null, [value])], geometry: false));
        Assert.Equal("nom\r\n" + expected + "\r\n", text);
    }

    [Fact]
    public async Task Output_is_utf8_without_bom_and_an_empty_result_still_has_its_header()
    {
        var bytes = await WriteAsync(["nom", "dep"], []);
        Assert.Equal("nom,dep,WKT\r\n"u8.ToArray(), bytes);

        var accented = await WriteAsync(["nom"], [new Feature("1", null, ["Gap – Hautes-Alpes é"])], geometry: false);
        Assert.NotEqual(0xEF, accented[0]);
        Assert.Equal("nom\r\nGap – Hautes-Alpes é\r\n", System.Text.Encoding.UTF8.GetString(accented));
    }

    [Fact]
    public async Task Polygon_with_hole_is_written_as_quoted_wkt()
    {
        var shell = Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var hole = Factory.CreateLinearRing([new(2, 2), new(4, 2), new(4, 4), new(2, 2)]);
        var text = System.Text.Encoding.UTF8.GetString(await WriteAsync([], [new Feature("1", Factory.CreatePolygon(shell, [hole]), [])]));
        Assert.Equal("WKT\r\n\"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2))\"\r\n", text);
    }

    [Fact]
    public async Task Rows_reach_the_pipe_before_the_end_bounded_by_the_flush_size()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await using var writer = new CsvFeatureCollectionWriter(pipe.Writer, ["nom"], includeGeometry: false) { FlushEveryBytes = 1024 };
        await writer.WriteFeatureAsync(new Feature("1", null, ["first"]), CancellationToken.None);
        Assert.True(pipe.Reader.TryRead(out var first), "the first row is flushed at once");
        Assert.Equal("nom\r\nfirst\r\n", System.Text.Encoding.UTF8.GetString(first.Buffer.ToArray()));
        pipe.Reader.AdvanceTo(first.Buffer.End);

        for (var i = 0; i < 500; i++)
            await writer.WriteFeatureAsync(new Feature("x", null, [new string('x', 20)]), CancellationToken.None);
        Assert.True(pipe.Reader.TryRead(out var more), "rows are flushed while writing");
        Assert.InRange(more.Buffer.Length, 1024, 500 * 22);
    }
}
