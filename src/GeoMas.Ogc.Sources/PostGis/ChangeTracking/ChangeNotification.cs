using System.Text.Json;
using GeoMas.Ogc.Core.Caching;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.PostGis.ChangeTracking;

/// <summary>The <c>geomas_changes</c> NOTIFY payload written by change-capture.sql, read back into a <see cref="DataChange"/>.</summary>
public static class ChangeNotification
{
    public const string Channel = "geomas_changes";

    /// <summary>Null when the payload is not ours or is malformed (another tool may NOTIFY on the same channel).</summary>
    public static DataChange? Parse(string sourceId, string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryString(root, "schema", out var schema) || !TryString(root, "table", out var table))
                return null;
            var id = TryString(root, "id", out var given) ? given : Guid.NewGuid().ToString("N");
            if (root.TryGetProperty("all", out var all) && all.ValueKind == JsonValueKind.True)
                return new DataChange(sourceId, schema, table, null, id);
            if (!root.TryGetProperty("bbox", out var bbox) || bbox.ValueKind != JsonValueKind.Array || bbox.GetArrayLength() != 4)
                return null;
            var v = new double[4];
            for (var i = 0; i < 4; i++)
            {
                if (bbox[i].ValueKind != JsonValueKind.Number || !bbox[i].TryGetDouble(out v[i]) || !double.IsFinite(v[i]))
                    return null;
            }
            if (v[0] > v[2] || v[1] > v[3])
                return null;
            return new DataChange(sourceId, schema, table, new Envelope(v[0], v[2], v[1], v[3]), id);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The payload change-capture.sql writes (tests and tools that emulate the trigger).</summary>
    public static string Format(string schema, string table, Envelope? bounds, string id)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("schema", schema);
            writer.WriteString("table", table);
            if (bounds is null)
            {
                writer.WriteBoolean("all", true);
            }
            else
            {
                writer.WriteStartArray("bbox");
                writer.WriteNumberValue(bounds.MinX);
                writer.WriteNumberValue(bounds.MinY);
                writer.WriteNumberValue(bounds.MaxX);
                writer.WriteNumberValue(bounds.MaxY);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : "";
        return value.Length > 0;
    }
}
