using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>text/plain: one block per layer, one "name = value" line per attribute (GeoServer's layout).</summary>
public sealed class PlainTextFeatureInfoEncoder : IFeatureInfoEncoder
{
    public string MimeType => "text/plain";
    public string ContentType => "text/plain; charset=utf-8";

    public async Task WriteAsync(IReadOnlyList<FeatureInfoResult> results, int srid, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var any = false;
        foreach (var result in results)
        {
            if (result.Features.Count == 0)
                continue;
            any = true;
            await writer.WriteLineAsync($"Results for FeatureType '{result.Layer.Id}':");
            foreach (var feature in result.Features)
            {
                await writer.WriteLineAsync("--------------------------------------------");
                await writer.WriteLineAsync($"{result.Layer.IdColumn} = {feature.Id}");
                for (var i = 0; i < result.Properties.Count && i < feature.Values.Length; i++)
                    await writer.WriteLineAsync($"{result.Properties[i]} = {FeatureValueFormatter.Format(feature.Values[i]) ?? "null"}");
            }
            await writer.WriteLineAsync("--------------------------------------------");
        }
        if (!any)
            await writer.WriteLineAsync("no features were found");
        await writer.FlushAsync(cancellationToken);
    }
}
