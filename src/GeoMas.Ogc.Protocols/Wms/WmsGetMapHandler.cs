using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>GetMap: parse, then render through the <see cref="Core.Rendering.RenderGate"/> (limits, queue, timeout).</summary>
public static class WmsGetMapHandler
{
    public static async Task HandleAsync(HttpContext context, KvpRequest kvp, WmsServices services, WmsVersion version, bool headOnly)
    {
        var request = new WmsGetMapParser(services.Snapshot, services.Crs, services.Today).Parse(kvp, version);
        if (context.Features.Get<IUsageRecorder>() is { } usage)
        {
            // The names as asked (a group is one layer to the client), checked by the parser.
            foreach (var name in KvpParsers.ParseList(kvp.Require("LAYERS")))
                usage.Layer(name);
        }
        var response = context.Response;
        if (request.DefaultTimeUsed is { } time)
            response.Headers.Warning = WmsTimeDimension.WarningHeader(time);
        response.ContentType = request.Map.Format.ContentType;
        if (headOnly)
            return;

        // Render into memory, then send: a slow client must not hold a render slot, and a failed render can still
        // be answered with an exception because nothing has been sent yet. Size is bounded by MaxWidth×MaxHeight.
        using var image = new MemoryStream();
        var renderer = services.Renderer;
        await services.Gate.RunAsync(ct => renderer.RenderAsync(request.Map, image, ct), context.RequestAborted);
        response.ContentLength = image.Length;
        image.Position = 0;
        await image.CopyToAsync(response.Body, context.RequestAborted);
    }
}
