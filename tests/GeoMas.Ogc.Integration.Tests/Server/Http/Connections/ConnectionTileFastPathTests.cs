using System.Net.Sockets;
using System.Text;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Http.Connections;
using GeoMas.Ogc.Server.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Server.Http.Connections;

/// <summary>
/// The connection-level tile path on real Kestrel, driven over raw sockets (to control what shares a connection):
/// it answers as the pipeline does, keeps responses in request order around the requests it leaves to Kestrel, comes
/// back after a plain request and never after one whose end only Kestrel knows, lets Kestrel end connections only between
/// two answers, and stays out of the way when its options say so.
/// </summary>
public sealed class ConnectionTileFastPathTests : IAsyncLifetime
{
    private const string Tile = "/tiles/communes/10/529/370.png";
    private const string OtherTile = "/tiles/communes/10/530/370.png";
    private readonly string _cache = Directory.CreateTempSubdirectory("geomas-connpath-").FullName;
    private KestrelTestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await KestrelTestApp.StartAsync(
            builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(2)),
            "--cache:diskPath=" + _cache, "--usage:directory=" + Path.Combine(_cache, "usage"), "--usage:flushIntervalSeconds=3600");
        await WarmAsync(_app);
    }

    /// <summary>
    /// Rendered, held in memory and compacted (the second hit swaps a hot tile for its compact copy): from then on
    /// both fast paths answer the same bytes.
    /// </summary>
    private static async Task WarmAsync(KestrelTestApp app)
    {
        using var client = app.CreateClient();
        foreach (var url in new[] { Tile, OtherTile })
        {
            for (var hit = 0; hit < 3; hit++)
            {
                using var warm = await client.GetAsync(url);
                warm.EnsureSuccessStatusCode();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }

    private long ConnectionAnswered => _app.App.Services.GetRequiredService<ConnectionTileFastPath>().Answered;

    private long PipelineAnswered => _app.App.Services.GetRequiredService<CachedTileFastPath>().Answered;

    [Fact]
    public async Task A_tile_is_answered_from_the_connection_exactly_as_the_pipeline_answers_it_and_counted_alike()
    {
        var usageBefore = Usage();
        await using var connection = await RawConnection.OpenAsync(_app);
        var (connectionFirst, pipelineFirst) = (ConnectionAnswered, PipelineAnswered);

        var fromConnection = await connection.SendAsync(Get(Tile + "?123"));
        // A header the connection path leaves to the pipeline, whose own fast path then answers the same tile.
        var fromPipeline = await connection.SendAsync(Get(Tile + "?123", "X-Trace: 1"));
        Assert.Equal(200, fromConnection.Status);
        AssertSame(fromPipeline, fromConnection);

        var etag = fromConnection.Header("ETag");
        var notModified = await connection.SendAsync(Get(Tile, "If-None-Match: " + etag));
        var notModifiedByPipeline = await connection.SendAsync(Get(Tile, "If-None-Match: " + etag, "X-Trace: 1"));
        Assert.Equal(304, notModified.Status);
        Assert.Empty(notModified.Body);
        AssertSame(notModifiedByPipeline, notModified);

        Assert.Equal((connectionFirst + 2, pipelineFirst + 2), (ConnectionAnswered, PipelineAnswered));
        // Four requests, two tiles, the same bytes on both paths.
        var usage = Usage();
        Assert.Equal((4L, 2L, 2L * fromConnection.Body.Length), (usage.Requests - usageBefore.Requests, usage.Tiles - usageBefore.Tiles, usage.Bytes - usageBefore.Bytes));
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_order_and_the_path_comes_back_after_a_plain_request_for_kestrel()
    {
        await using var connection = await RawConnection.OpenAsync(_app);
        var before = ConnectionAnswered;

        // One write: a tile, a miss and a collection for the pipeline, a tile again, HEAD (the pipeline's), a tile.
        await connection.WriteAsync(Get(Tile) + Get("/tiles/communes/10/531/370.png") + Get("/collections/communes?f=json")
                                    + Get(OtherTile) + Head(Tile) + Get(Tile));
        var answers = new List<RawResponse>();
        for (var i = 0; i < 6; i++)
            answers.Add(await connection.ReadAsync(headOnly: i == 4));

        Assert.All(answers, answer => Assert.True(answer.Status == 200, answer.Status + " " + answer.Header("Content-Type")));
        Assert.Equal(["image/png", "image/png", "application/json", "image/png", "image/png", "image/png"], answers.Select(a => a.Header("Content-Type")));
        Assert.Contains("\"id\":\"communes\"", Encoding.UTF8.GetString(answers[2].Body).Replace(" ", ""), StringComparison.Ordinal);
        Assert.Equal(answers[0].Body, answers[5].Body);
        Assert.NotEqual(answers[0].Body, answers[3].Body);
        Assert.Equal(answers[0].Header("Content-Length"), answers[4].Header("Content-Length"));
        // The first tile, the fourth request and the last one: after each request left to Kestrel, the path resumed.
        Assert.Equal(before + 3, ConnectionAnswered);
    }

    [Fact]
    public async Task Many_pipelined_tiles_come_back_whole_and_in_order_to_a_client_that_reads_them_late()
    {
        await using var connection = await RawConnection.OpenAsync(_app);
        var expected = new[] { (await connection.SendAsync(Get(Tile))).Body, (await connection.SendAsync(Get(OtherTile))).Body };
        var before = ConnectionAnswered;

        // About 2 MB of answers to 200 requests in one write: more than the sockets hold while the client waits.
        await connection.WriteAsync(string.Concat(Enumerable.Range(0, 200).Select(i => Get(i % 2 == 0 ? Tile : OtherTile))));
        await Task.Delay(500);
        for (var i = 0; i < 200; i++)
        {
            var answer = await connection.ReadAsync();
            Assert.Equal(200, answer.Status);
            Assert.Equal(expected[i % 2], answer.Body);
        }
        Assert.Equal(before + 200, ConnectionAnswered);
    }

    [Fact]
    public async Task A_client_that_never_reads_its_answers_does_not_hold_up_shutdown()
    {
        var app = await KestrelTestApp.StartAsync("--cache:diskPath=" + _cache, "--usage:directory=" + Path.Combine(_cache, "usage"));
        await WarmAsync(app);
        await using var connection = await RawConnection.OpenAsync(app);
        await connection.WriteAsync(string.Concat(Enumerable.Repeat(Get(Tile), 500)));
        // Answers waiting on the client: the path is flushing into full socket buffers.
        var path = app.App.Services.GetRequiredService<ConnectionTileFastPath>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (path.Answered == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.True(path.Answered > 0);

        // Kestrel asks the connection to stop (its shutdown timeout is 30 s): the pending flush gives up at once.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await app.MarkStoppedAsync(app.App.StopAsync(), waitForIt: true);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"shutdown took {stopping.Elapsed}");
        Assert.True(path.Answered < 500, path.Answered + " answered");
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_client_taking_its_answers_below_the_minimum_response_data_rate_is_disconnected()
    {
        // 100 KB/s after 2 s of grace: a client that reads nothing is far below it.
        await using var app = await KestrelTestApp.StartAsync(
            builder => builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Limits.MinResponseDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(100_000, TimeSpan.FromSeconds(2))),
            "--cache:diskPath=" + _cache, "--usage:directory=" + Path.Combine(_cache, "usage"));
        await WarmAsync(app);
        await using var connection = await RawConnection.OpenAsync(app);
        await connection.WriteAsync(string.Concat(Enumerable.Repeat(Get(Tile), 500)));
        await Task.Delay(TimeSpan.FromSeconds(6));

        var path = app.App.Services.GetRequiredService<ConnectionTileFastPath>();
        Assert.InRange(path.Answered, 1, 499);
        // What was sent before the abort can still be read; the connection ends before the 500th answer.
        var read = 0;
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            for (; read < 500; read++)
                await connection.ReadAsync();
        });
        Assert.InRange(read, 0, 499);
    }

    [Fact]
    public async Task After_a_request_with_a_body_the_connection_is_kestrels_for_good()
    {
        await using var connection = await RawConnection.OpenAsync(_app);
        var (connectionBefore, pipelineBefore) = (ConnectionAnswered, PipelineAnswered);

        // A body that looks like a tile request: read as a request, it would be answered; it is a body.
        var body = Get(Tile);
        var post = $"POST /collections HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        var refused = await connection.SendAsync(post);
        var tile = await connection.SendAsync(Get(Tile));

        Assert.Equal(405, refused.Status);
        Assert.Equal(200, tile.Status);
        Assert.Equal(connectionBefore, ConnectionAnswered);
        Assert.Equal(pipelineBefore + 1, PipelineAnswered);
    }

    [Fact]
    public async Task Past_the_keep_alive_timeout_kestrel_ends_a_busy_connection_between_two_answers_and_an_idle_one_after_it()
    {
        var connection = await RawConnection.OpenAsync(_app);
        var (answered, reconnects) = (0, 0);
        var busy = System.Diagnostics.Stopwatch.StartNew();
        // 5 s of tiles on connections whose keep-alive timeout is 2 s (Kestrel's timer runs while this path answers).
        while (busy.Elapsed < TimeSpan.FromSeconds(5))
        {
            RawResponse answer;
            try
            {
                answer = await connection.SendAsync(Get(Tile));
            }
            catch (IOException) when (connection.NothingPending)
            {
                // Closed between two answers, never inside one: the client reconnects and asks again.
                reconnects++;
                await connection.DisposeAsync();
                connection = await RawConnection.OpenAsync(_app);
                continue;
            }
            Assert.Equal(200, answer.Status);
            answered++;
            await Task.Delay(250);
        }
        Assert.True(answered >= 10, answered + " answers");
        Assert.InRange(reconnects, 1, 5);

        // Idle: closed a little after 2 s (Kestrel's timers tick every second).
        var closed = await connection.WaitForCloseAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(closed.TotalSeconds, 1.0, 30);
        await connection.DisposeAsync();
    }

    [Theory]
    [InlineData("--server:connectionTileFastPath=false")]
    [InlineData("--metrics:fastPathRequestDuration=true")]
    [InlineData("--AllowedHosts=tiles.example.org;127.0.0.1")]
    public async Task The_options_that_need_the_pipeline_turn_it_off(string option)
    {
        await using var app = await KestrelTestApp.StartAsync(
            "--cache:diskPath=" + _cache, "--usage:directory=" + Path.Combine(_cache, "usage"), option);
        await WarmAsync(app);
        await using var connection = await RawConnection.OpenAsync(app);
        var pipeline = app.App.Services.GetRequiredService<CachedTileFastPath>();
        var before = pipeline.Answered;

        var answer = await connection.SendAsync(Get(Tile));

        Assert.Equal(200, answer.Status);
        Assert.Equal(0, app.App.Services.GetRequiredService<ConnectionTileFastPath>().Answered);
        Assert.Equal(before + 1, pipeline.Answered);
    }

    private static string Get(string target, params string[] headers) => Request("GET", target, headers);

    private static string Head(string target) => Request("HEAD", target, []);

    private static string Request(string method, string target, string[] headers) =>
        $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: geomas-test\r\nAccept: */*\r\n"
        + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";

    private (long Requests, long Tiles, long Bytes) Usage()
    {
        // Draining empties the counters: what was drained before is added back by the caller's difference.
        var drained = _app.App.Services.GetRequiredService<UsageAggregator>().Drain(DateOnly.FromDateTime(DateTime.UtcNow)).Counters;
        _drained = (_drained.Requests + drained.Sum(c => c.Requests), _drained.Tiles + drained.Sum(c => c.Tiles), _drained.Bytes + drained.Sum(c => c.Bytes));
        return _drained;
    }

    private (long Requests, long Tiles, long Bytes) _drained;

    private static void AssertSame(RawResponse expected, RawResponse actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.HeadersWithoutDate, actual.HeadersWithoutDate);
        Assert.Equal(expected.Body, actual.Body);
    }
}

/// <summary>A response read off a raw connection: status, header lines and the body its Content-Length gives.</summary>
internal sealed record RawResponse(int Status, List<(string Name, string Value)> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Lower-cased names, sorted: the order of header lines carries no meaning.</summary>
    public List<string> HeadersWithoutDate =>
        [.. Headers.Where(h => !h.Name.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Name.ToLowerInvariant() + ": " + h.Value).Order(StringComparer.Ordinal)];
}

/// <summary>One keep-alive HTTP/1.1 connection over a socket, for requests sent in one write and answers read in order.</summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(KestrelTestApp app)
    {
        var uri = new Uri(app.BaseUrl);
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(uri.Host, uri.Port);
        return new RawConnection(client);
    }

    public async Task<RawResponse> SendAsync(string request)
    {
        await WriteAsync(request);
        return await ReadAsync(headOnly: request.StartsWith("HEAD ", StringComparison.Ordinal));
    }

    public Task WriteAsync(string requests) => _stream.WriteAsync(Encoding.ASCII.GetBytes(requests)).AsTask();

    /// <summary>The next response; <paramref name="headOnly"/> for the answer to HEAD (its Content-Length has no body).</summary>
    public async Task<RawResponse> ReadAsync(bool headOnly = false)
    {
        int end;
        while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            await FillAsync();
        var head = Encoding.ASCII.GetString(_buffer, _start, end).Split("\r\n");
        _start += end + 4;
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head[1..].Select(line => line.Split(':', 2)).Select(p => (p[0], p[1].Trim())).ToList();
        var length = headOnly || status == 304 ? 0
            : int.Parse(headers.Single(h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Item2, System.Globalization.CultureInfo.InvariantCulture);
        while (_end - _start < length)
            await FillAsync();
        var body = _buffer.AsSpan(_start, length).ToArray();
        _start += length;
        return new RawResponse(status, headers, body);
    }

    /// <summary>No byte of a response read yet: a close now falls between two answers.</summary>
    public bool NothingPending => _end == _start;

    /// <summary>How long until the server closes the connection (a read of 0 bytes or a reset).</summary>
    public async Task<TimeSpan> WaitForCloseAsync(TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (await _stream.ReadAsync(_buffer).AsTask().WaitAsync(limit) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed as well.
        }
        return started.Elapsed;
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end)).AsTask().WaitAsync(ReadTimeout);
        if (read == 0)
            throw new IOException("the server closed the connection");
        _end += read;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
