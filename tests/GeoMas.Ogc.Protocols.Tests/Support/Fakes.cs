using System.Buffers.Binary;
using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Support;

public sealed class FixedCatalogProvider(CatalogSnapshot snapshot) : ICatalogProvider
{
    public CatalogSnapshot Current { get; } = snapshot;
}

/// <summary>Minimal PNG bytes: signature + IHDR, enough for a client to read the size (tests read bytes 16..23).</summary>
public static class FakePng
{
    public static byte[] Create(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }

    public static (int Width, int Height) ReadSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}

public sealed record RenderedMessage(int Width, int Height, ImageFormat Format, bool Transparent, RgbaColor Background, string? Message);

/// <summary>Records every MapRequest and writes a fake image of the requested size; can be made slow to fill the render gate.</summary>
public sealed class RecordingMapRenderer : IMapRenderer
{
    public ConcurrentQueue<MapRequest> Requests { get; } = new();
    public ConcurrentQueue<RenderedMessage> Messages { get; } = new();
    public TaskCompletionSource? Block { get; set; }

    public async Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Block is { } block)
            await block.Task.WaitAsync(cancellationToken);
        await output.WriteAsync(FakePng.Create(request.Width, request.Height), cancellationToken);
    }

    public void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output)
    {
        Messages.Enqueue(new RenderedMessage(width, height, format, transparent, background, message));
        output.Write(FakePng.Create(width, height));
    }
}

/// <summary>Legend size depends on the rules and swatch size, as a real legend would.</summary>
public sealed class FakeLegendRenderer : ILegendRenderer
{
    public LegendSize Measure(LegendRequest request) =>
        new(request.SymbolWidth + 100, (request.SymbolHeight + 4) * request.Style.Model.AllRules.Count(r => request.RuleName is null || r.Name == request.RuleName));

    public async Task RenderAsync(LegendRequest request, Stream output, CancellationToken cancellationToken)
    {
        var size = Measure(request);
        await output.WriteAsync(FakePng.Create(size.Width, size.Height), cancellationToken);
    }
}

/// <summary>Three features per queried layer, each with a point at the request's centre; records the requests.</summary>
public sealed class FakeFeatureInfoService : IFeatureInfoService
{
    public ConcurrentQueue<FeatureInfoRequest> Requests { get; } = new();

    public Task<IReadOnlyList<FeatureInfoResult>> QueryAsync(FeatureInfoRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var centre = request.Bbox.Centre;
        var factory = new GeometryFactory(new PrecisionModel(), request.Srid);
        IReadOnlyList<FeatureInfoResult> results = request.QueryLayers.Select(layer =>
        {
            var features = Enumerable.Range(1, Math.Min(3, request.FeatureCount))
                .Select(i => new Feature(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i == 2 ? factory.ToGeometry(new Envelope(centre.X, centre.X + 10, centre.Y, centre.Y + 10)) : factory.CreatePoint(centre),
                    ["Nom <" + i + "> & co", 1234.5 * i]))
                .ToArray();
            return new FeatureInfoResult(layer, ["nom", "surface"], features);
        }).ToArray();
        return Task.FromResult(results);
    }
}
