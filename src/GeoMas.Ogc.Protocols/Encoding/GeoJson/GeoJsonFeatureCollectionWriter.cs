using System.IO.Pipelines;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding.GeoJson;

/// <summary>
/// Streams a GeoJSON FeatureCollection into a <see cref="PipeWriter"/> (the response body) as features arrive:
/// <c>{"type":"FeatureCollection", header…, "features":[ … ], trailer…}</c>. The JSON writer only fills the pipe's
/// buffers (no I/O, so no synchronous flush on the response body); the pipe is flushed asynchronously after the
/// first feature (quick first byte) and then every <see cref="FlushEveryFeatures"/> features or
/// <see cref="FlushEveryBytes"/> bytes, so memory stays bounded whatever the number of features and a slow client
/// pushes back on the query. Members whose values are only known at the end (numberReturned, next link) go in the trailer.
/// </summary>
public sealed class GeoJsonFeatureCollectionWriter : IAsyncDisposable
{
    private readonly PipeWriter _output;
    private readonly GeoJsonFeatureLayout _layout;
    private long _committedAtLastFlush;
    private int _sinceFlush;

    public GeoJsonFeatureCollectionWriter(PipeWriter output, GeoJsonFeatureLayout layout)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        Json = new Utf8JsonWriter(output, WriterOptions);
    }

    /// <summary>
    /// UTF-8 text as is (relaxed escaping: the bodies are JSON, never inlined in HTML) and no structural validation:
    /// members are written in a fixed, valid order, and both are measurable on big exports.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public int FlushEveryFeatures { get; init; } = 500;
    public int FlushEveryBytes { get; init; } = 64 * 1024;

    /// <summary>The underlying writer, for header and trailer members.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Features written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Opens the collection: <c>{"type":"FeatureCollection"</c>, the header members, then <c>"features":[</c>.</summary>
    public void WriteStart(Action<Utf8JsonWriter>? headerMembers = null)
    {
        Json.WriteStartObject();
        Json.WriteString("type", "FeatureCollection");
        headerMembers?.Invoke(Json);
        Json.WriteStartArray("features");
    }

    public async ValueTask WriteFeatureAsync(Feature feature, CancellationToken cancellationToken)
    {
        GeoJsonFeatureWriter.Write(Json, feature, _layout);
        Count++;
        _sinceFlush++;
        // No Json.Flush() per feature: it hands each small feature to the pipe and asks for a fresh span (measured
        // at about as much CPU as writing the geometry). Pending bytes count towards the threshold instead.
        if (Count == 1 || _sinceFlush >= FlushEveryFeatures || Json.BytesCommitted + Json.BytesPending - _committedAtLastFlush >= FlushEveryBytes)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Writes every feature of <paramref name="features"/>; returns how many.</summary>
    public async ValueTask<long> WriteFeaturesAsync(IAsyncEnumerable<Feature> features, CancellationToken cancellationToken)
    {
        var before = Count;
        await foreach (var feature in features.WithCancellation(cancellationToken))
            await WriteFeatureAsync(feature, cancellationToken);
        return Count - before;
    }

    /// <summary>Closes the features array, writes the trailer members and the closing brace, and flushes.</summary>
    public async ValueTask WriteEndAsync(Action<Utf8JsonWriter>? trailerMembers, CancellationToken cancellationToken)
    {
        Json.WriteEndArray();
        trailerMembers?.Invoke(Json);
        Json.WriteEndObject();
        Json.Flush();
        await FlushAsync(cancellationToken);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Json.Flush();
        await ResponseFlush.ToClientAsync(_output, cancellationToken);
        _committedAtLastFlush = Json.BytesCommitted;
        _sinceFlush = 0;
    }

    public ValueTask DisposeAsync() => Json.DisposeAsync();
}
