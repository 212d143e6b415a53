using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// A collection's raster tileset in one tile matrix set (OAT-4, OAT-5; S-TMS <c>tileSet.json</c>): dataType
/// <c>map</c>, the CRS and registered URI of the set, the limits computed from the layer's extent (the ones WMTS
/// publishes, here with every matrix since TMS 2.0 allows 0 as a maximum), and absolute links (OAT-7): self, the
/// tiling scheme, and one templated <c>item</c> link per image format. The list entry carries the templated links
/// too, so a client (or the ETS) finds the tile template from the list alone.
/// </summary>
public static class TilesetJsonWriter
{
    public static void WriteTileset(Utf8JsonWriter json, LayerDefinition layer, TileMatrixSet tms,
        IReadOnlyList<TileMatrixLimits> limits, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(services);
        json.WriteStartObject();
        WriteHeader(json, layer, tms);
        // The definition by reference (TMS 2.0 tileSet.json asks for it, and LAMB93 has no registered URI).
        json.WriteString("tileMatrixSetDefinition", services.Url(OgcApiTilesPaths.TileMatrixSet(tms.Id)));
        json.WriteStartArray("tileMatrixSetLimits");
        foreach (var limit in limits)
        {
            json.WriteStartObject();
            json.WriteString("tileMatrix", limit.TileMatrix);
            json.WriteNumber("minTileRow", limit.MinTileRow);
            json.WriteNumber("maxTileRow", limit.MaxTileRow);
            json.WriteNumber("minTileCol", limit.MinTileCol);
            json.WriteNumber("maxTileCol", limit.MaxTileCol);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteLinks(json, layer, tms, services);
        json.WriteEndObject();
    }

    public static void WriteListEntry(Utf8JsonWriter json, LayerDefinition layer, TileMatrixSet tms, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        WriteHeader(json, layer, tms);
        WriteLinks(json, layer, tms, services);
        json.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter json, LayerDefinition layer, TileMatrixSet tms)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(tms);
        json.WriteString("title", $"{layer.Title} ({tms.Id})");
        json.WriteString("tileMatrixSetId", tms.Id);
        json.WriteString("dataType", "map");
        json.WriteString("crs", tms.CrsUri);
        if (tms.Uri is { } uri)
            json.WriteString("tileMatrixSetURI", uri);
    }

    private static void WriteLinks(Utf8JsonWriter json, LayerDefinition layer, TileMatrixSet tms, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        json.WriteStartArray("links");
        new OgcApiLink(services.Url(OgcApiTilesPaths.Tileset(layer.Id, tms.Id)), "self", OgcApiMediaTypes.Json,
            $"Tileset of {layer.Title} in {tms.Id}").Write(json);
        new OgcApiLink(services.Url(OgcApiTilesPaths.TileMatrixSet(tms.Id)), OgcApiTilesRelations.TilingScheme, OgcApiMediaTypes.Json,
            $"Tile matrix set {tms.Id}").Write(json);
        var template = services.Url(OgcApiTilesPaths.TileTemplate(layer.Id, tms.Id));
        foreach (var format in TileImageFormats.Advertised)
        {
            // PNG, the default, has the bare template (what the ETS and most clients use); the others select by f.
            var href = ReferenceEquals(format, TileImageFormats.Png) ? template : template + "?f=" + format.FormatName;
            WriteTemplatedLink(json, href, "item", format.MediaType, $"{layer.Title} tiles ({format.FormatName})");
        }
        json.WriteEndArray();
    }

    private static void WriteTemplatedLink(Utf8JsonWriter json, string href, string rel, string type, string title)
    {
        json.WriteStartObject();
        json.WriteString("href", href);
        json.WriteString("rel", rel);
        json.WriteString("type", type);
        json.WriteString("title", title);
        json.WriteBoolean("templated", true);
        json.WriteEndObject();
    }
}
