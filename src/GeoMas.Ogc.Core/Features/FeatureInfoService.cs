using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// Answers "what is under this pixel?" for each queried vector layer: the pixel centre becomes a map position, a
/// box of ±<see cref="FeatureInfoRequest.TolerancePixels"/> around it is transformed to the layer's SRID (so the
/// spatial index on the native column applies, STYLE §8.2) and the source is asked for features intersecting it.
/// Polygons must contain the clicked point itself (a click just outside a parcel must not pick it); lines and
/// points, a few pixels wide on screen, only need to touch the tolerance box.
/// </summary>
public sealed class FeatureInfoService(IFeatureSourceProvider sources, CrsRegistry crsRegistry) : IFeatureInfoService
{
    public async Task<IReadOnlyList<FeatureInfoResult>> QueryAsync(FeatureInfoRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pixelWidth = request.Bbox.Width / request.Width;
        var pixelHeight = request.Bbox.Height / request.Height;
        // I/J address the pixel's upper-left corner; its centre is half a pixel in.
        var x = request.Bbox.MinX + ((request.I + 0.5) * pixelWidth);
        var y = request.Bbox.MaxY - ((request.J + 0.5) * pixelHeight);
        var tolerance = Math.Max(0, request.TolerancePixels);
        var box = new Envelope(x - (tolerance * pixelWidth), x + (tolerance * pixelWidth), y - (tolerance * pixelHeight), y + (tolerance * pixelHeight));

        var results = new List<FeatureInfoResult>(request.QueryLayers.Count);
        foreach (var layer in request.QueryLayers)
        {
            if (layer.Kind != LayerKind.Vector)
                continue;
            var query = BuildQuery(request, layer, x, y, box);
            if (query is null)
            {
                results.Add(new FeatureInfoResult(layer, layer.Attributes.Select(a => a.Name).ToArray(), []));
                continue;
            }
            var features = new List<Feature>(request.FeatureCount);
            await foreach (var feature in sources.For(layer).QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                features.Add(feature);
                if (features.Count >= request.FeatureCount)
                    break;
            }
            results.Add(new FeatureInfoResult(layer, query.EffectiveProperties, features));
        }
        return results;
    }

    /// <summary>The query for one layer, or null when the click lies outside where the layer's CRS is valid.</summary>
    internal FeatureQuery? BuildQuery(FeatureInfoRequest request, LayerDefinition layer, double x, double y, Envelope box)
    {
        var transform = crsRegistry.GetTransform(request.Srid, layer.Srid);
        var nativeBox = transform.TransformEnvelope(box);
        if (nativeBox.IsNull)
            return null;
        var factory = new GeometryFactory(new PrecisionModel(), layer.Srid);
        Geometry target;
        if (layer.GeometryKind == GeometryKind.Polygon)
        {
            double px = x, py = y;
            transform.Transform(ref px, ref py);
            if (!double.IsFinite(px) || !double.IsFinite(py))
                return null;
            target = factory.CreatePoint(new Coordinate(px, py));
        }
        else
        {
            target = factory.ToGeometry(nativeBox);
        }
        return new FeatureQuery
        {
            Layer = layer,
            Bbox = nativeBox,
            BboxSrid = layer.Srid,
            Filter = new SpatialFilter(SpatialOperator.Intersects, null, target, layer.Srid),
            Limit = request.FeatureCount,
            Time = request.Time,
            OutputSrid = request.OutputSrid ?? request.Srid,
        };
    }
}
