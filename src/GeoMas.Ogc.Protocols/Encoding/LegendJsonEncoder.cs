using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>
/// GetLegendGraphic FORMAT=application/json: the rules of a style and a summary of their symbolizers, in the shape
/// of GeoServer's JSON legend (<c>{"Legend":[{"layerName","title","rules":[{"name","title","symbolizers":[{"Polygon":{…}}]}]}]}</c>)
/// so web clients can draw native legends.
/// </summary>
public static class LegendJsonEncoder
{
    public const string MimeType = "application/json";

    public static async Task WriteAsync(LayerDefinition layer, LayerStyle style, string? ruleName, double? scaleDenominator, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("Legend");
        json.WriteStartObject();
        json.WriteString("layerName", layer.Id);
        json.WriteString("title", layer.Title);
        json.WriteString("style", style.Name);
        json.WriteStartArray("rules");
        foreach (var rule in style.Model.AllRules)
        {
            if (ruleName is not null && rule.Name != ruleName)
                continue;
            if (scaleDenominator is { } scale && !rule.AppliesAtScale(scale))
                continue;
            WriteRule(json, rule);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteRule(Utf8JsonWriter json, Rule rule)
    {
        json.WriteStartObject();
        json.WriteString("name", rule.Name);
        json.WriteString("title", rule.Title.Length > 0 ? rule.Title : rule.Name);
        if (rule.Abstract.Length > 0)
            json.WriteString("abstract", rule.Abstract);
        if (rule.MinScaleDenominator is { } min)
            json.WriteNumber("MinScaleDenominator", min);
        if (rule.MaxScaleDenominator is { } max)
            json.WriteNumber("MaxScaleDenominator", max);
        json.WriteStartArray("symbolizers");
        foreach (var symbolizer in rule.Symbolizers)
        {
            json.WriteStartObject();
            switch (symbolizer)
            {
                case PolygonSymbolizer polygon:
                    json.WriteStartObject("Polygon");
                    WriteFill(json, polygon.Fill);
                    WriteStroke(json, polygon.Stroke);
                    json.WriteEndObject();
                    break;
                case LineSymbolizer line:
                    json.WriteStartObject("Line");
                    WriteStroke(json, line.Stroke);
                    json.WriteEndObject();
                    break;
                case PointSymbolizer point:
                    json.WriteStartObject("Point");
                    WriteGraphic(json, point.Graphic);
                    json.WriteEndObject();
                    break;
                case TextSymbolizer text:
                    json.WriteStartObject("Text");
                    json.WriteString("font-family", string.Join(",", text.Font.Families));
                    json.WriteNumber("font-size", text.Font.Size);
                    WriteFill(json, text.Fill);
                    json.WriteEndObject();
                    break;
                case RasterSymbolizer raster:
                    json.WriteStartObject("Raster");
                    json.WriteNumber("opacity", raster.Opacity);
                    json.WriteEndObject();
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFill(Utf8JsonWriter json, Fill? fill)
    {
        if (fill is null)
            return;
        json.WriteString("fill", fill.Color.ToHex());
        json.WriteNumber("fill-opacity", fill.Opacity * fill.Color.A / 255.0);
    }

    private static void WriteStroke(Utf8JsonWriter json, Stroke? stroke)
    {
        if (stroke is null)
            return;
        json.WriteString("stroke", stroke.Color.ToHex());
        json.WriteNumber("stroke-width", stroke.Width);
        json.WriteNumber("stroke-opacity", stroke.Opacity * stroke.Color.A / 255.0);
        if (stroke.DashArray is { Count: > 0 } dashes)
            json.WriteString("stroke-dasharray", string.Join(" ", dashes.Select(d => d.ToString("R", CultureInfo.InvariantCulture))));
    }

    private static void WriteGraphic(Utf8JsonWriter json, Graphic graphic)
    {
        if (graphic.Size is { } size)
            json.WriteNumber("size", size);
        json.WriteNumber("opacity", graphic.Opacity);
        json.WriteNumber("rotation", graphic.Rotation);
        json.WriteStartArray("graphics");
        foreach (var symbol in graphic.Symbols)
        {
            json.WriteStartObject();
            switch (symbol)
            {
                case Mark mark:
                    json.WriteString("mark", mark.WellKnownName);
                    WriteFill(json, mark.Fill);
                    WriteStroke(json, mark.Stroke);
                    break;
                case ExternalGraphic external:
                    json.WriteString("external-graphic-type", external.Format);
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
