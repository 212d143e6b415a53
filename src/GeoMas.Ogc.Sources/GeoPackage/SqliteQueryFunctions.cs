using GeoMas.Ogc.Core.Features.Filtering;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// The SQL functions SQLite lacks, registered on the connection of one statement:
/// <c>geomas_lower</c>/<c>geomas_upper</c> (Unicode case folding, like PostgreSQL's; SQLite's own only folds ASCII)
/// and <c>geomas_spatial(geom, k)</c>, which decodes the GeoPackage blob and runs the k-th spatial predicate of the
/// statement. Keeping the spatial test inside SQL means ORDER BY, LIMIT/OFFSET and count(*) stay exact.
/// </summary>
internal sealed class SqliteQueryFunctions
{
    private readonly List<SpatialPredicate> _predicates = [];
    private readonly GeoPackageGeoReader _reader = new();

    /// <summary>Adds a predicate and returns the SQL that evaluates it on <paramref name="geometrySql"/>.</summary>
    public string Add(string geometrySql, SpatialOperator op, Geometry literal, double? distance)
    {
        _predicates.Add(new SpatialPredicate(op, literal, distance));
        return $"geomas_spatial({geometrySql}, {(_predicates.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)})";
    }

    /// <summary>Registers the functions; a pooled connection may carry an older statement's closure, which this replaces.</summary>
    public void Register(SqliteConnection connection, CancellationToken cancellationToken)
    {
        connection.CreateFunction<string?, string?>("geomas_lower", s => s?.ToLowerInvariant(), isDeterministic: true);
        connection.CreateFunction<string?, string?>("geomas_upper", s => s?.ToUpperInvariant(), isDeterministic: true);
        connection.CreateFunction<byte[]?, long, bool>("geomas_spatial", (blob, k) =>
        {
            // A long scan stops here when the client goes away (SQLite has no asynchronous cancel).
            cancellationToken.ThrowIfCancellationRequested();
            return blob is not null && _predicates[(int)k].Evaluate(_reader.Read(blob));
        });
    }
}
