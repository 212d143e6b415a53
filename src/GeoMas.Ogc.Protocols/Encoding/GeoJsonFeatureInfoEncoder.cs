using System.Buffers;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>
/// application/json: a GeoJSON FeatureCollection written with Utf8JsonWriter, one feature at a time.
/// Feature ids are "layer.id" (as GeoServer) so features of several layers stay distinct; coordinates are
/// x/y of the map CRS, named by a "crs" member when it is not WGS 84.
/// </summary>
public sealed class GeoJsonFeatureInfoEncoder : IFeatureInfoEncoder
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public string MimeType => "application/json";
    public string ContentType => "application/json; charset=utf-8";

    public async Task WriteAsync(IReadOnlyList<FeatureInfoResult> results, int srid, Stream output, CancellationToken cancellationToken)
    {
        // JsonSerializer.Serialize flushes its writer synchronously, which ASP.NET Core forbids on the response body:
        // write into a memory buffer and hand it to the stream asynchronously after each feature.
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        if (srid != 4326)
        {
            json.WriteStartObject("crs");
            json.WriteString("type", "name");
            json.WriteStartObject("properties");
            json.WriteString("name", "urn:ogc:def:crs:EPSG::" + srid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteStartArray("features");
        foreach (var result in results)
        {
            foreach (var feature in result.Features)
            {
                WriteFeature(json, result, feature);
                await DrainAsync(json, buffer, output, cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await DrainAsync(json, buffer, output, cancellationToken);
    }

    private static async Task DrainAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        json.Flush();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }

    private static void WriteFeature(Utf8JsonWriter json, FeatureInfoResult result, Feature feature)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", result.Layer.Id + "." + feature.Id);
        json.WritePropertyName("geometry");
        if (feature.Geometry is null)
            json.WriteNullValue();
        else
            JsonSerializer.Serialize(json, feature.Geometry, typeof(Geometry), GeometryOptions);
        json.WriteStartObject("properties");
        json.WriteString("layer", result.Layer.Id);
        for (var i = 0; i < result.Properties.Count && i < feature.Values.Length; i++)
            WriteValue(json, result.Properties[i], feature.Values[i]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNull(name);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int or long or short or byte:
                json.WriteNumber(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(name, d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(name, f);
                break;
            case decimal m:
                json.WriteNumber(name, m);
                break;
            default:
                json.WriteString(name, FeatureValueFormatter.Format(value));
                break;
        }
    }
}
