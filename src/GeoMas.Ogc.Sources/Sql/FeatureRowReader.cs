using System.Data.Common;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Maps the current row of a reader laid out by <see cref="FeatureStatementBuilder"/> to a <see cref="Feature"/>,
/// reading columns strictly in order (the readers run with SequentialAccess).
/// </summary>
internal sealed class FeatureRowReader
{
    private readonly IReadOnlyList<AttributeDefinition> _properties;
    private readonly Func<DbDataReader, int, Geometry?>? _readGeometry;
    private readonly Func<Geometry, Geometry>? _simplify;
    private readonly ICrsTransform? _output;
    private readonly int _nativeSrid;

    /// <param name="readGeometry">Decoder of the geometry column; null when the query has no geometry.</param>
    /// <param name="simplify">In-process simplification (GeoPackage); PostGIS simplifies in SQL.</param>
    /// <param name="nativeSrid">The layer's SRID, stamped on decoded geometries (the catalog, checked at start-up, is the authority).</param>
    /// <param name="output">Transform to the output SRID; null to keep the native one.</param>
    public FeatureRowReader(
        int nativeSrid,
        IReadOnlyList<AttributeDefinition> properties,
        Func<DbDataReader, int, Geometry?>? readGeometry,
        Func<Geometry, Geometry>? simplify,
        ICrsTransform? output)
    {
        _nativeSrid = nativeSrid;
        _properties = properties;
        _readGeometry = readGeometry;
        _simplify = simplify;
        _output = output is { IsIdentity: false } ? output : null;
    }

    public Feature Read(DbDataReader reader)
    {
        var id = DbValueConverter.ToText(reader.GetValue(0));
        var ordinal = 1;
        Geometry? geometry = null;
        if (_readGeometry is not null)
        {
            geometry = reader.IsDBNull(ordinal) ? null : _readGeometry(reader, ordinal);
            ordinal++;
            if (geometry is not null)
            {
                geometry.SRID = _nativeSrid;
                if (_simplify is not null)
                    geometry = _simplify(geometry);
                if (_output is not null)
                    geometry = _output.Transform(geometry);
            }
        }

        var values = new object?[_properties.Count];
        for (var i = 0; i < values.Length; i++, ordinal++)
            values[i] = DbValueConverter.ToClr(reader.GetValue(ordinal), _properties[i].Type);
        return new Feature(id, geometry, values);
    }
}
