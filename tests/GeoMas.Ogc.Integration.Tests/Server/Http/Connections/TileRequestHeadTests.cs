using System.Buffers;
using System.Text;
using GeoMas.Ogc.Server.Http.Connections;

namespace GeoMas.Ogc.Integration.Tests.Server.Http.Connections;

/// <summary>
/// The strict reading of a request head that lets the connection path answer a tile and know where the next request
/// starts: what browsers and tile clients send reads as Complete, and anything whose end or meaning Kestrel must
/// decide reads as Unusable (or PipelineOnly when its end is plain but the pipeline must answer it).
/// </summary>
public sealed class TileRequestHeadTests
{
    private const string Browser =
        "GET /tiles/plan/16/33876/23686.png?123 HTTP/1.1\r\n" +
        "Host: tiles.example.org:5000\r\n" +
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0\r\n" +
        "Accept: image/avif,image/webp,*/*;q=0.8\r\n" +
        "Accept-Encoding: gzip, deflate, br\r\n" +
        "Accept-Language: fr-FR,fr;q=0.9\r\n" +
        "Connection: keep-alive\r\n" +
        "Referer: https://geotrek.example.org/\r\n" +
        "Origin: https://geotrek.example.org\r\n" +
        "Sec-Fetch-Dest: image\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Site: cross-site\r\n" +
        "If-None-Match: \"05fe687cdeb52a4c\"\r\n" +
        "Priority: u=5, i\r\n" +
        "\r\n";

    [Fact]
    public void A_browser_tile_request_reads_whole_with_its_target_query_and_validator()
    {
        Assert.Equal(TileHeadReading.Complete, Read(Browser, out var head));
        Assert.Equal("/tiles/plan/16/33876/23686.png", head.Path);
        Assert.Equal("?123", head.Query);
        Assert.Equal("\"05fe687cdeb52a4c\"", head.IfNoneMatch);
        Assert.Equal(Browser.Length, head.Length);
        Assert.False(head.PipelineOnly);
    }

    [Fact]
    public void Pipelined_requests_read_one_after_the_other_and_a_split_buffer_reads_as_a_whole_one()
    {
        const string Plain = "GET /tiles/communes/10/529/370.webp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(Browser + Plain);
        foreach (var split in new[] { 1, 7, Browser.Length - 2, Browser.Length + 5 })
        {
            var buffer = Segmented(bytes, split);
            Assert.Equal(TileHeadReading.Complete, TileRequestHead.TryRead(buffer, out var first));
            Assert.Equal(Browser.Length, first.Length);
            Assert.Equal(TileHeadReading.Complete, TileRequestHead.TryRead(buffer.Slice(first.Length), out var second));
            Assert.Equal(("/tiles/communes/10/529/370.webp", (string?)null, (string?)null, Plain.Length), (second.Path, second.Query, second.IfNoneMatch, second.Length));
        }
    }

    [Theory]
    [InlineData("G")]
    [InlineData("GET /ti")]
    [InlineData("HEAD /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r")]
    public void A_head_cut_short_is_incomplete(string text) => Assert.Equal(TileHeadReading.Incomplete, Read(text, out _));

    [Theory]
    [InlineData("POST /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000")]
    [InlineData("\r\nGET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.0\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a/b\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nAccept: image/png\r\n folded\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nAccept : image/png\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nAccept: caf\u00e9\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nAccept: a\u0000b\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\nHost: a\n\n\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/%33.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png?style=%61 HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/./1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/b/../a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles//a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET http://a/tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png#x HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET  /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("get /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    public void Anything_kestrel_must_read_itself_is_unusable(string text) =>
        Assert.Equal(TileHeadReading.Unusable, Read(text, out _));

    [Fact]
    public void A_head_longer_than_the_limit_is_unusable_complete_or_not()
    {
        var padding = "Accept: " + new string('a', TileRequestHead.MaxLength) + "\r\n";
        Assert.Equal(TileHeadReading.Unusable, Read("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n" + padding, out _));
        Assert.Equal(TileHeadReading.Unusable, Read("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n" + padding + "\r\n", out _));
    }

    [Theory]
    [InlineData("HEAD /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nX-Api-Key: k\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nCookie: s=1\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nForwarded: for=10.0.0.1\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nRange: bytes=0-10\r\n\r\n")]
    [InlineData("GET /tiles/a/1/2/3.png HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n\r\n")]
    public void A_plain_request_the_pipeline_must_answer_is_complete_but_pipeline_only(string text)
    {
        Assert.Equal(TileHeadReading.Complete, Read(text, out var head));
        Assert.True(head.PipelineOnly);
        Assert.Equal(text.Length, head.Length);
    }

    [Fact]
    public void Header_names_and_the_keep_alive_value_are_case_insensitive()
    {
        const string Text = "GET /tiles/a/1/2/3.png HTTP/1.1\r\nhOST:a\r\nCONNECTION:  Keep-Alive \t\r\nuser-AGENT: x\r\n\r\n";
        Assert.Equal(TileHeadReading.Complete, Read(Text, out var head));
        Assert.False(head.PipelineOnly);
    }

    private static TileHeadReading Read(string text, out TileRequestHead head) =>
        TileRequestHead.TryRead(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)), out head);

    /// <summary>The bytes in two segments, the first <paramref name="split"/> bytes long.</summary>
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split), 0);
        var last = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
