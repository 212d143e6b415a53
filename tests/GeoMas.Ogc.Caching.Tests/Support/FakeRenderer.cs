using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>Counts renders and can hold them (a slow or stuck database); writes a few bytes naming the bbox.</summary>
internal sealed class FakeRenderer : IMapRenderer
{
    private int _renders;

    public int Renders => Volatile.Read(ref _renders);

    public List<MapRequest> Requests { get; } = [];

    /// <summary>Awaited inside every render (with the render's token) before it completes.</summary>
    public Func<CancellationToken, Task>? Hold { get; set; }

    public async Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renders);
        lock (Requests)
            Requests.Add(request);
        if (Hold is { } hold)
            await hold(cancellationToken);
        var text = System.Text.Encoding.UTF8.GetBytes(request.Bbox.ToString());
        await output.WriteAsync(text, cancellationToken);
    }

    /// <summary>Whether <see cref="PlaceLabelsAsync"/> places labels (a renderer that can) or returns null (one that cannot).</summary>
    public bool PlacesLabels { get; set; }

    private int _placements;

    public int LabelPlacements => Volatile.Read(ref _placements);

    public List<MapRequest> PlacementRequests { get; } = [];

    public async Task<PlacedLabels?> PlaceLabelsAsync(MapRequest request, CancellationToken cancellationToken)
    {
        if (!PlacesLabels)
            return null;
        Interlocked.Increment(ref _placements);
        lock (PlacementRequests)
            PlacementRequests.Add(request);
        if (Hold is { } hold)
            await hold(cancellationToken);
        return new FakePlacedLabels(request);
    }

    public void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output) =>
        output.Write("BLANK"u8);
}

internal sealed class FakePlacedLabels(MapRequest request)
    : PlacedLabels(request.Bbox, request.Srid, request.Width, request.Height, request.Buffer)
{
    public override int Count => 0;

    public override long ApproximateBytes => 1000;
}

/// <summary>Cuts the fake "image" into tiles whose bytes are the image bytes followed by the tile index.</summary>
internal sealed class FakeCutter : IImageCutter
{
    public IReadOnlyList<CutTile> Cut(ReadOnlyMemory<byte> image, int columns, int rows, int tileWidth, int tileHeight, ImageFormat format, RgbaColor background) =>
        Enumerable.Range(0, columns * rows).Select(i => new CutTile([.. image.Span, (byte)i], false)).ToList();
}
