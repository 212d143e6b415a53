using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>The GeoJSON layout of a collection's features: integer keys become JSON numbers (usable as FIDs by GDAL/QGIS).</summary>
public static class FeatureLayouts
{
    /// <param name="coordinateDecimals">See <see cref="GeoJsonPositionFormatter.DecimalsFor"/>; null = full precision.</param>
    public static GeoJsonFeatureLayout For(LayerDefinition layer, IReadOnlyList<string> properties, bool swapAxes, int? coordinateDecimals = null) =>
        new(properties,
            NumericIds: layer.FindAttribute(layer.IdColumn)?.Type is AttributeType.Integer or AttributeType.Long,
            SwapAxes: swapAxes)
        {
            CoordinateDecimals = coordinateDecimals,
        };
}
