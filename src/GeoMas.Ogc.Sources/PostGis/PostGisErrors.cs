using GeoMas.Ogc.Core.Errors;
using Npgsql;

namespace GeoMas.Ogc.Sources.PostGis;

/// <summary>
/// Turns Npgsql failures into typed errors. Only used when the caller did not cancel: a client that went
/// away gets its <see cref="OperationCanceledException"/>, not an error report.
/// </summary>
internal static class PostGisErrors
{
    private const string QueryCanceled = "57014";

    public static ServiceException Translate(NpgsqlException e) => e switch
    {
        PostgresException { SqlState: QueryCanceled } =>
            ServiceException.Unavailable("The query took longer than the source's statement timeout.", e),
        // The server understood and refused the statement: a catalog/table mismatch, not an outage.
        PostgresException p =>
            new ServiceException(ErrorKind.Internal, "NoApplicableCode", $"The database rejected the query ({p.SqlState}): {p.MessageText}", null, e),
        _ => ServiceException.Unavailable("The PostGIS source is unavailable.", e),
    };
}
