using System.Text;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// TileJSON 3.0.0 of one layer (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0): the XYZ URL template,
/// CRS84 bounds clamped to Web Mercator's latitude limit, zoom range, a centre, name, description, attribution.
/// </summary>
public static class TileJsonWriter
{
    public const string Version = "3.0.0";

    /// <summary>Latitude limit of WebMercatorQuad (the square's top edge): bounds beyond it cannot be tiled.</summary>
    public const double MaxLatitude = 85.0511287798066;

    /// <summary>Centre zoom: the layer's bounds fill about 512 pixels (Leaflet and MapLibre open there).</summary>
    private const double CentrePixels = 512;

    public static void Write(Utf8JsonWriter writer, TileJsonDocument document)
    {
        var bounds = Bounds(document.Layer.GeographicExtent);
        var (minZoom, maxZoom) = document.Zooms;

        writer.WriteStartObject();
        writer.WriteString("tilejson", Version);
        writer.WriteString("name", document.Layer.Title.Length > 0 ? document.Layer.Title : document.Layer.Id);
        writer.WriteString("description", document.Layer.Abstract);
        writer.WriteString("attribution", Attribution(document.Service));
        writer.WriteString("scheme", "xyz");
        writer.WriteStartArray("tiles");
        writer.WriteStringValue(TileTemplate(document));
        writer.WriteEndArray();
        writer.WriteNumber("minzoom", minZoom);
        writer.WriteNumber("maxzoom", maxZoom);
        writer.WriteStartArray("bounds");
        writer.WriteNumberValue(bounds.MinX);
        writer.WriteNumberValue(bounds.MinY);
        writer.WriteNumberValue(bounds.MaxX);
        writer.WriteNumberValue(bounds.MaxY);
        writer.WriteEndArray();
        writer.WriteStartArray("center");
        writer.WriteNumberValue(bounds.Centre.X);
        writer.WriteNumberValue(bounds.Centre.Y);
        writer.WriteNumberValue(CentreZoom(bounds, minZoom, maxZoom));
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>{base}/tiles/{layer}/{z}/{x}/{y}.{ext}</c>, with the non-default style and time the TileJSON was asked
    /// for carried into the tiles' query string.
    /// </summary>
    public static string TileTemplate(TileJsonDocument document)
    {
        var url = new StringBuilder(document.BaseUrl)
            .Append(XyzEndpoints.TilesPath).Append('/')
            .Append(Uri.EscapeDataString(document.Layer.Id))
            .Append("/{z}/{x}/{y}.").Append(document.Extension);
        var separator = '?';
        if (document.Options.StyleParameter is { } style)
        {
            url.Append(separator).Append("style=").Append(Uri.EscapeDataString(style));
            separator = '&';
        }

        if (document.Options.TimeParameter is { } time)
        {
            url.Append(separator).Append("time=").Append(Uri.EscapeDataString(time));
        }

        return url.ToString();
    }

    private static string Attribution(ServiceMetadata service) =>
        service.Contact.Organization.Length > 0 ? "© " + service.Contact.Organization : service.Title;

    private static Envelope Bounds(Envelope geographic)
    {
        if (geographic.IsNull)
        {
            return new Envelope(-180, 180, -MaxLatitude, MaxLatitude);
        }

        return new Envelope(
            Math.Clamp(geographic.MinX, -180, 180), Math.Clamp(geographic.MaxX, -180, 180),
            Math.Clamp(geographic.MinY, -MaxLatitude, MaxLatitude), Math.Clamp(geographic.MaxY, -MaxLatitude, MaxLatitude));
    }

    // At zoom z the world is 256·2^z pixels wide; the bounds take width/360 of it.
    private static int CentreZoom(Envelope bounds, int minZoom, int maxZoom)
    {
        var width = Math.Max(bounds.Width, 1e-9);
        var zoom = (int)Math.Floor(Math.Log2(CentrePixels * 360 / (256 * width)));
        return Math.Clamp(zoom, minZoom, maxZoom);
    }
}
