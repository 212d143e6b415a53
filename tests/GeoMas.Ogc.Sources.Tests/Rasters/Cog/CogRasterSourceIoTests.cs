using System.Net;
using System.Net.Sockets;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters.Cog;
using GeoMas.Ogc.Sources.Rasters.IO;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>What the reader asks of its byte source: one header read, only the blocks a window needs, merged, and nothing when cached.</summary>
[Collection(CogFixturesCollection.Name)]
public sealed class CogRasterSourceIoTests(CogFixtures fixtures)
{
    [Fact]
    public async Task OpeningACogIsOneReadAndAOneTileWindowReadsOnlyThatTile()
    {
        using var counting = new CountingByteSource(new FileByteSource(fixtures.PathOf("cog-lzw")));
        using var source = await CogRasterSource.OpenAsync(counting, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        Assert.Single(counting.Reads);
        Assert.Equal((0L, 16 * 1024), counting.Reads[0]);
        counting.Reset();

        // Pixels 300..310 × 10..20 of level 0 lie in tile (1, 0) of the 256-pixel grid.
        var level = source.Overviews[0];
        using var window = await source.ReadPixelsAsync(0, 300, 10, 10, 10, CancellationToken.None);
        var read = Assert.Single(counting.Reads);
        Assert.True(read.Length < 256 * 256 * 3, "more than one tile was read");
        Assert.True(level.IsTiled);

        counting.Reset();
        using var again = await source.ReadPixelsAsync(0, 256, 0, 256, 256, CancellationToken.None);
        Assert.Empty(counting.Reads);
        Assert.Equal(window.Pixels[..40].ToArray(), again.Pixels.Slice((10 * 256 + 44) * 4, 40).ToArray());
    }

    [Fact]
    public async Task AStripedWindowReadsOnlyTheStripsItCrosses()
    {
        using var counting = new CountingByteSource(new FileByteSource(fixtures.PathOf("striped-lzw")));
        using var source = await CogRasterSource.OpenAsync(counting, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24), CoalesceGapBytes = -1 });
        Assert.False(source.Overviews[0].IsTiled);
        Assert.Equal(37, source.Overviews[0].BlockHeight);
        counting.Reset();
        // Rows 40..80 lie in strips 1 (37..73) and 2 (74..110).
        using var window = await source.ReadPixelsAsync(0, 100, 40, 50, 40, CancellationToken.None);
        Assert.Equal(2, counting.Reads.Count);
        Assert.True(counting.Reads.Sum(r => r.Length) < 2 * 700 * 37 * 3, "more than two strips were read");
    }

    [Fact]
    public async Task AHeaderLongerThanTheFirstReadIsFetchedInAFewGrowingReads()
    {
        using var counting = new CountingByteSource(new FileByteSource(fixtures.PathOf("mask-cog-jpeg")));
        using var small = await CogRasterSource.OpenAsync(counting, new CogReaderOptions { HeaderReadBytes = 256, Cache = new DecodedTileCache(1 << 24) });
        using var reference = CogRasterSource.Open(fixtures.PathOf("mask-cog-jpeg"));

        Assert.Equal(reference.Info, small.Info);
        Assert.Equal(reference.Overviews, small.Overviews);
        Assert.InRange(counting.Reads.Count, 2, 6);
        Assert.Equal(256, counting.Reads[0].Length);
        for (var i = 1; i < counting.Reads.Count; i++)
            Assert.Equal(counting.Reads[i - 1].Offset + counting.Reads[i - 1].Length, counting.Reads[i].Offset);
    }

    [Fact]
    public async Task AdjacentTilesAndTheirMasksAreFetchedInOneRead()
    {
        using var counting = new CountingByteSource(new FileByteSource(fixtures.PathOf("mask-cog-jpeg")));
        using var source = await CogRasterSource.OpenAsync(counting, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        counting.Reset();
        // Two tiles side by side, each with its interleaved mask tile: four blocks, one read.
        using var window = await source.ReadPixelsAsync(0, 200, 100, 100, 50, CancellationToken.None);
        Assert.Single(counting.Reads);

        counting.Reset();
        var noCoalescing = new CogReaderOptions { Cache = new DecodedTileCache(1 << 24), CoalesceGapBytes = -1 };
        using var separate = await CogRasterSource.OpenAsync(counting, noCoalescing);
        counting.Reset();
        using var window2 = await separate.ReadPixelsAsync(0, 200, 100, 100, 50, CancellationToken.None);
        Assert.Equal(4, counting.Reads.Count);
        Assert.Equal(window.Pixels.ToArray(), window2.Pixels.ToArray());
    }

    [Fact]
    public async Task ConcurrentReadsOfTheSameBlocksFetchAndDecodeThemOnce()
    {
        using var counting = new CountingByteSource(new FileByteSource(fixtures.PathOf("cog-jpeg")));
        using var source = await CogRasterSource.OpenAsync(counting, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        counting.Reset();
        var windows = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            using var w = await source.ReadPixelsAsync(0, 10, 10, 100, 100, CancellationToken.None);
            return w.Pixels.ToArray();
        })));
        Assert.Single(counting.Reads);
        Assert.All(windows, w => Assert.Equal(windows[0], w));
    }

    [Fact]
    public async Task ACancelledReadThrowsAndLeavesTheSourceUsable()
    {
        using var source = CogRasterSource.Open(fixtures.PathOf("deflate-pred2"), new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ReadPixelsAsync(0, 0, 0, 300, 300, cancelled.Token));
        using var window = await source.ReadPixelsAsync(0, 0, 0, 300, 300, CancellationToken.None);
        Assert.Equal(300, window.Width);
    }

    [Fact]
    public async Task ConcurrentReadsAgreeWithSequentialOnes()
    {
        using var source = CogRasterSource.Open(fixtures.PathOf("deflate-pred2"), new CogReaderOptions { Cache = new DecodedTileCache(1 << 20) });
        var extent = source.Info.Extent;
        var requests = Enumerable.Range(0, 16).Select(i => new RasterReadRequest(
            new Envelope(extent.MinX + i * 3, extent.MinX + i * 3 + 60, extent.MinY + i * 2, extent.MinY + i * 2 + 50), 0.2, 0.2)).ToList();
        var parallel = await Task.WhenAll(requests.Select(r => Task.Run(async () =>
        {
            using var w = await source.ReadAsync(r, CancellationToken.None);
            return w!.Pixels.ToArray();
        })));
        for (var i = 0; i < requests.Count; i++)
        {
            using var w = await source.ReadAsync(requests[i], CancellationToken.None);
            Assert.Equal(w!.Pixels.ToArray(), parallel[i]);
        }
    }

    [Fact]
    public async Task HttpRangeSourceReadsTheSamePixelsWithRangeRequests()
    {
        var path = fixtures.PathOf("cog-jpeg");
        var bytes = await File.ReadAllBytesAsync(path);
        using var server = new RangeServer(bytes);
        using var client = new HttpClient();
        using var http = new HttpRangeByteSource(client, server.Uri);
        using var remote = await CogRasterSource.OpenAsync(http, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        using var local = CogRasterSource.Open(path, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });

        Assert.Equal(local.Info, remote.Info);
        var request = new RasterReadRequest(new Envelope(local.Info.Extent.MinX + 10, local.Info.Extent.MinX + 70, local.Info.Extent.MinY + 5, local.Info.Extent.MinY + 50), 0.2, 0.2);
        using var fromHttp = await remote.ReadAsync(request, CancellationToken.None);
        using var fromFile = await local.ReadAsync(request, CancellationToken.None);
        Assert.Equal(fromFile!.Pixels.ToArray(), fromHttp!.Pixels.ToArray());
        Assert.All(server.Ranges, r => Assert.StartsWith("bytes=", r, StringComparison.Ordinal));
        Assert.True(server.Ranges.Count <= 3, $"{server.Ranges.Count} requests");
        Assert.True(server.BytesServed < bytes.Length, "the whole file was downloaded");
    }

    [Fact]
    public async Task HttpSourceKeysByETagAndFailsWhenTheObjectChanges()
    {
        var bytes = await File.ReadAllBytesAsync(fixtures.PathOf("cog-lzw"));
        using var server = new RangeServer(bytes) { ETag = "\"v1\"" };
        using var client = new HttpClient();
        using var http = new HttpRangeByteSource(client, server.Uri);
        using var source = await CogRasterSource.OpenAsync(http, new CogReaderOptions { Cache = new DecodedTileCache(1 << 24) });
        Assert.EndsWith("#\"v1\"", source.Key, StringComparison.Ordinal);
        using (var window = await source.ReadPixelsAsync(0, 0, 0, 10, 10, CancellationToken.None))
            Assert.Equal(10, window.Width);

        server.ETag = "\"v2\"";
        var error = await Assert.ThrowsAsync<IOException>(async () => await source.ReadPixelsAsync(0, 600, 500, 10, 10, CancellationToken.None));
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpSourceRejectsAServerThatIgnoresRanges()
    {
        using var server = new RangeServer(new byte[100_000], honourRanges: false);
        using var client = new HttpClient();
        using var http = new HttpRangeByteSource(client, server.Uri);
        await Assert.ThrowsAsync<IOException>(async () => await http.ReadAsync(5000, new byte[10], CancellationToken.None));
    }

    /// <summary>A loopback HTTP server answering Range requests over one in-memory object.</summary>
    private sealed class RangeServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _content;
        private readonly bool _honourRanges;
        private readonly List<string> _ranges = [];
        private long _bytesServed;

        public RangeServer(byte[] content, bool honourRanges = true)
        {
            _content = content;
            _honourRanges = honourRanges;
            var port = FreePort();
            Uri = new Uri($"http://127.0.0.1:{port}/ortho.tif");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public Uri Uri { get; }

        /// <summary>The object's current version; requests with another If-Match get 412.</summary>
        public string? ETag { get; set; }

        public IReadOnlyList<string> Ranges
        {
            get
            {
                lock (_ranges)
                    return [.. _ranges];
            }
        }

        public long BytesServed => Interlocked.Read(ref _bytesServed);

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                var range = context.Request.Headers["Range"];
                lock (_ranges)
                    _ranges.Add(range ?? "");
                var response = context.Response;
                var etag = ETag;
                var ifMatch = context.Request.Headers["If-Match"];
                if (etag is not null && ifMatch is not null && ifMatch != etag)
                {
                    response.StatusCode = 412;
                    response.Close();
                    continue;
                }
                if (etag is not null)
                    response.AddHeader("ETag", etag);
                long start = 0, end = _content.Length - 1;
                if (_honourRanges && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
                {
                    var parts = range[6..].Split('-');
                    start = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                    end = Math.Min(end, long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                    response.StatusCode = 206;
                    response.AddHeader("Content-Range", FormattableString.Invariant($"bytes {start}-{end}/{_content.Length}"));
                }
                var length = (int)(end - start + 1);
                response.ContentLength64 = length;
                Interlocked.Add(ref _bytesServed, length);
                try
                {
                    await response.OutputStream.WriteAsync(_content.AsMemory((int)start, length));
                    response.Close();
                }
                catch (HttpListenerException)
                {
                    // The client stopped reading (a 200 answer it refused): nothing to do.
                }
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
