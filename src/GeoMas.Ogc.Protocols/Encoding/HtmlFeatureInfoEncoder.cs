using System.Net;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>text/html: one table per layer, every value HTML-encoded (attribute text is user data).</summary>
public sealed class HtmlFeatureInfoEncoder : IFeatureInfoEncoder
{
    public string MimeType => "text/html";
    public string ContentType => "text/html; charset=utf-8";

    public async Task WriteAsync(IReadOnlyList<FeatureInfoResult> results, int srid, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>GetFeatureInfo</title></head><body>");
        foreach (var result in results)
        {
            if (result.Features.Count == 0)
                continue;
            await writer.WriteLineAsync($"<table class=\"featureInfo\"><caption>{E(result.Layer.Title)}</caption>");
            await writer.WriteAsync($"<tr><th>{E(result.Layer.IdColumn)}</th>");
            foreach (var property in result.Properties)
                await writer.WriteAsync($"<th>{E(property)}</th>");
            await writer.WriteLineAsync("</tr>");
            foreach (var feature in result.Features)
            {
                await writer.WriteAsync($"<tr><td>{E(feature.Id)}</td>");
                for (var i = 0; i < result.Properties.Count; i++)
                    await writer.WriteAsync($"<td>{E(i < feature.Values.Length ? FeatureValueFormatter.Format(feature.Values[i]) : null)}</td>");
                await writer.WriteLineAsync("</tr>");
            }
            await writer.WriteLineAsync("</table>");
        }
        await writer.WriteLineAsync("</body></html>");
        await writer.FlushAsync(cancellationToken);
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
