using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding.GeoJson;

/// <summary>Writes one <see cref="Feature"/> as a GeoJSON Feature object (RFC 7946 §3.2).</summary>
public static class GeoJsonFeatureWriter
{
    /// <param name="extraMembers">Written after <c>properties</c> (e.g. OGC API <c>links</c> of a single feature).</param>
    public static void Write(Utf8JsonWriter json, Feature feature, GeoJsonFeatureLayout layout, Action<Utf8JsonWriter>? extraMembers = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(layout);

        json.WriteStartObject();
        json.WriteString("type", "Feature");
        WriteId(json, feature.Id, layout);
        json.WritePropertyName("geometry");
        GeoJsonGeometryWriter.Write(json, feature.Geometry, layout.SwapAxes, layout.CoordinateDecimals);
        json.WriteStartObject("properties");
        var names = layout.PropertyNames;
        var values = feature.Values;
        for (var i = 0; i < names.Count && i < values.Length; i++)
        {
            json.WritePropertyName(names[i]);
            WriteValue(json, values[i]);
        }
        json.WriteEndObject();
        extraMembers?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter json, string id, GeoJsonFeatureLayout layout)
    {
        if (layout.IdPrefix is null && layout.NumericIds
            && long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumber("id", number);
            return;
        }
        json.WriteString("id", layout.IdPrefix is null ? id : layout.IdPrefix + id);
    }

    /// <summary>A property value: JSON numbers and booleans where the type has them, ISO 8601 text for dates (TRAP-4).</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case short or byte or sbyte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            default:
                // Dates, times and non-finite numbers ("NaN" is not JSON) as text.
                json.WriteStringValue(FeatureValueFormatter.Format(value));
                break;
        }
    }
}
