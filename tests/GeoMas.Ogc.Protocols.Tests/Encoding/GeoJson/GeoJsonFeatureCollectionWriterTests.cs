using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Encoding.GeoJson;

/// <summary>The streaming writer sends features while the source is still producing them, and stops with the client.</summary>
public sealed class GeoJsonFeatureCollectionWriterTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly GeoJsonFeatureLayout Layout = new(["name", "n", "day"], NumericIds: true);

    private static Feature Feature(int i) =>
        new(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Factory.CreatePoint(new Coordinate(i, i + 0.5)),
            ["é" + i, (long)i, new DateOnly(2024, 1, 1 + i % 28)]);

    [Fact]
    public async Task Writes_a_complete_feature_collection_with_header_and_trailer()
    {
        var pipe = new Pipe();
        var writer = new GeoJsonFeatureCollectionWriter(pipe.Writer, Layout);
        writer.WriteStart(json => json.WriteString("timeStamp", "2024-01-01T00:00:00Z"));
        var count = await writer.WriteFeaturesAsync(Features(3), CancellationToken.None);
        await writer.WriteEndAsync(json => json.WriteNumber("numberReturned", writer.Count), CancellationToken.None);
        await writer.DisposeAsync();
        await pipe.Writer.CompleteAsync();

        using var document = JsonDocument.Parse(await ReadAllAsync(pipe.Reader));
        var root = document.RootElement;
        Assert.Equal(3, count);
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(3, root.GetProperty("numberReturned").GetInt32());
        var first = root.GetProperty("features")[1];
        Assert.Equal(1, first.GetProperty("id").GetInt32());
        Assert.Equal("é1", first.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("2024-01-02", first.GetProperty("properties").GetProperty("day").GetString());
        Assert.Equal(1.5, first.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
    }

    [Fact]
    public async Task The_first_feature_reaches_the_reader_before_the_source_has_finished()
    {
        var pipe = new Pipe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new GeoJsonFeatureCollectionWriter(pipe.Writer, Layout);
        writer.WriteStart();
        var writing = writer.WriteFeaturesAsync(GatedFeatures(gate.Task), CancellationToken.None).AsTask();

        var read = await pipe.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var text = System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(read.Buffer));
        pipe.Reader.AdvanceTo(read.Buffer.End);

        Assert.False(writing.IsCompleted);
        Assert.Contains("\"id\":0", text, StringComparison.Ordinal);
        gate.SetResult();
        Assert.Equal(2, await writing);
    }

    [Fact]
    public async Task Many_features_are_flushed_in_batches_not_held_until_the_end()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0)); // no back-pressure: observe flushes only
        var output = new FlushCountingPipeWriter(pipe.Writer);
        var writer = new GeoJsonFeatureCollectionWriter(output, Layout) { FlushEveryFeatures = 100, FlushEveryBytes = int.MaxValue };
        writer.WriteStart();

        await writer.WriteFeaturesAsync(Features(1000), CancellationToken.None);
        await writer.WriteEndAsync(null, CancellationToken.None);
        await writer.DisposeAsync();

        // The first feature at once, then features 101, 201, … 901, then the end.
        Assert.Equal(11, output.Flushes);
    }

    /// <summary>Counts the flushes asked of a pipe (a reader would see adjacent ones merged, depending on timing).</summary>
    private sealed class FlushCountingPipeWriter(PipeWriter inner) : PipeWriter
    {
        public int Flushes { get; private set; }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Flushes++;
            return inner.FlushAsync(cancellationToken);
        }

        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }

    [Fact]
    public async Task Cancellation_stops_writing_and_disposes_the_source()
    {
        var pipe = new Pipe();
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();
        var writer = new GeoJsonFeatureCollectionWriter(pipe.Writer, Layout) { FlushEveryFeatures = 1 };
        writer.WriteStart();
        var writing = writer.WriteFeaturesAsync(EndlessFeatures(disposed), cancellation.Token).AsTask();

        var read = await pipe.Reader.ReadAsync();
        pipe.Reader.AdvanceTo(read.Buffer.End);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing);
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async IAsyncEnumerable<Feature> Features(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return Feature(i);
        }
    }

    private static async IAsyncEnumerable<Feature> GatedFeatures(Task gate)
    {
        yield return Feature(0);
        await gate;
        yield return Feature(1);
    }

    private static async IAsyncEnumerable<Feature> EndlessFeatures(TaskCompletionSource disposed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                await Task.Delay(1, cancellationToken);
                yield return Feature(i);
            }
        }
        finally
        {
            disposed.TrySetResult();
        }
    }

    private static async Task<string> ReadAllAsync(PipeReader reader)
    {
        using var stream = new MemoryStream();
        await reader.CopyToAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
