using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>GetLegendGraphic: the legend image of a layer style (the LegendURL target), or its JSON description.</summary>
public static class WmsGetLegendGraphicHandler
{
    public static async Task HandleAsync(HttpContext context, KvpRequest kvp, WmsServices services, bool headOnly)
    {
        var request = new WmsGetLegendGraphicParser(services.Snapshot).Parse(kvp);
        var response = context.Response;
        if (request.Json)
        {
            response.ContentType = LegendJsonEncoder.MimeType + "; charset=utf-8";
            if (!headOnly)
                await LegendJsonEncoder.WriteAsync(request.Legend.Layer, request.Legend.Style, request.Legend.RuleName, request.Legend.ScaleDenominator, response.Body, context.RequestAborted);
            return;
        }
        response.ContentType = request.Legend.Format.ContentType;
        if (headOnly)
            return;
        // Buffered for the same reason as GetMap: an error can still become an exception report.
        using var image = new MemoryStream();
        await services.Legends.RenderAsync(request.Legend, image, context.RequestAborted);
        response.ContentLength = image.Length;
        image.Position = 0;
        await image.CopyToAsync(response.Body, context.RequestAborted);
    }
}
