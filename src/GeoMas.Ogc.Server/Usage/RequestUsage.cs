using System.IO.Pipelines;
using GeoMas.Ogc.Core.Usage;
using Microsoft.AspNetCore.Http.Features;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// One request's usage: what the handler reported (<see cref="IUsageRecorder"/>) and the bytes it wrote, counted by
/// standing in for the response body feature. One object per metered request; the stream and pipe wrappers are
/// made only if the handler uses them.
/// </summary>
internal sealed class RequestUsage(IHttpResponseBodyFeature inner) : IUsageRecorder, IHttpResponseBodyFeature
{
    /// <summary>A request naming many layers is filed under this rather than an ever longer list.</summary>
    public const string ManyLayers = "(several)";
    private const int MaxLayerText = 200;

    private string? _layer;
    private List<string>? _layers;
    private long _tiles;
    private long _features;
    private long _bytes;
    private CountingStream? _stream;
    private CountingPipeWriter? _writer;

    public IHttpResponseBodyFeature Inner => inner;

    public long Tiles => Interlocked.Read(ref _tiles);

    public long FeatureCount => Interlocked.Read(ref _features);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The layer, or the layers in the order named, comma-separated: one row per request keeps totals honest.</summary>
    public string LayerText
    {
        get
        {
            if (_layers is null)
                return _layer ?? "";
            var joined = string.Join(',', _layers);
            return joined.Length <= MaxLayerText ? joined : ManyLayers;
        }
    }

    public void Layer(string layerId)
    {
        if (string.IsNullOrEmpty(layerId))
            return;
        // No lock: a request's handler reports from one flow of control, never from two threads at once.
        if (_layer is null)
        {
            _layer = layerId;
            return;
        }
        if (_layer == layerId && _layers is null)
            return;
        _layers ??= [_layer];
        if (!_layers.Contains(layerId, StringComparer.Ordinal))
            _layers.Add(layerId);
    }

    void IUsageRecorder.Tiles(long count) => Interlocked.Add(ref _tiles, count);

    void IUsageRecorder.Features(long count) => Interlocked.Add(ref _features, count);

    internal void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

    public Stream Stream => _stream ??= new CountingStream(inner.Stream, this);

    public PipeWriter Writer => _writer ??= new CountingPipeWriter(inner.Writer, this);

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
        AddBytes(count ?? Math.Max(0, new FileInfo(path).Length - offset));
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}
