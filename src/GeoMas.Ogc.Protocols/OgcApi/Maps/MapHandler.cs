using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.OgcApi.Tiles;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// <c>GET /collections/{collectionId}/map</c> (OAM-2, OAM-3) and the dataset map <c>/map</c>: the collection drawn by the WMS GetMap renderer,
/// through the same <see cref="RenderGate"/> (concurrency, queue, timeout), in PNG (default) or JPEG. Headers:
/// <c>Content-Crs</c> as a bare URI (OAM-4: the ETS compares it without stripping angle brackets),
/// <c>Content-Bbox</c> in that CRS's axis order, and <c>Content-Datetime</c> for time-enabled collections.
/// </summary>
public static class MapHandler
{
    private static readonly IReadOnlyList<OgcApiRepresentation> Formats =
        [TileImageFormats.Png, TileImageFormats.Jpeg, new("jpeg", "image/jpeg")];

    public static Task HandleAsync(HttpContext context, string collectionId)
    {
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        return RenderAsync(context, services, layer, [new MapLayer(layer, layer.DefaultStyle)]);
    }

    /// <summary><c>GET /map</c>: the dataset map, the members of <see cref="OgcApiDatasetMap.GroupId"/> with their default styles.</summary>
    public static Task HandleDatasetAsync(HttpContext context)
    {
        var services = new OgcApiServices(context);
        var group = OgcApiDatasetMap.Group(services.Snapshot)
            ?? throw OgcApiErrorWriter.NotFound("This server has no dataset map.", "map");
        var members = services.Snapshot.Expand(group).Select(member => new MapLayer(member, member.DefaultStyle)).ToArray();
        return RenderAsync(context, services, group, members);
    }

    private static async Task RenderAsync(HttpContext context, OgcApiServices services, LayerDefinition layer, IReadOnlyList<MapLayer> drawn)
    {
        var representation = OgcApiContentNegotiation.Select(context.Request, Formats);
        var today = WmsTimeDimension.Today(services.Clock);
        var request = new OgcApiMapParser(services.Snapshot, services.Crs, today)
            .Parse(layer, drawn, context.Request.Query, TileImageFormats.ImageOf(representation));

        context.Features.Get<IUsageRecorder>()?.Layer(layer.Id);
        var response = context.Response;
        response.ContentType = request.Map.Format.ContentType;
        response.Headers["Content-Crs"] = request.Crs.ToHttpUri();
        response.Headers["Content-Bbox"] = ContentBbox(request);
        if (request.ContentDatetime is { } datetime)
            response.Headers["Content-Datetime"] = datetime;
        if (HttpMethods.IsHead(context.Request.Method))
            return;

        // Render into memory, then send (as WMS GetMap): a slow client must not hold a render slot, and a failed
        // render is still answered with a JSON error since nothing has been sent. Size is bounded by the limits.
        using var image = new MemoryStream();
        var renderer = context.RequestServices.GetRequiredService<IMapRenderer>();
        var gate = context.RequestServices.GetRequiredService<RenderGate>();
        await gate.RunAsync(ct => renderer.RenderAsync(request.Map, image, ct), context.RequestAborted);
        response.ContentLength = image.Length;
        OgcApiEndpoints.MarkBodyStarted(context);
        image.Position = 0;
        await image.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>minx,miny,maxx,maxy of the drawn box in the axis order of the response CRS (lat first for EPSG:4326).</summary>
    public static string ContentBbox(OgcApiMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var box = request.Map.Bbox;
        var values = AxisOrderRules.For(request.Crs, AxisContext.OgcApi) == AxisOrder.EastNorth
            ? new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }
            : [box.MinY, box.MinX, box.MaxY, box.MaxX];
        return string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }
}
