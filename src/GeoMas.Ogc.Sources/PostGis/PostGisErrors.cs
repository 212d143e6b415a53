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
    private const string DataException = "22";

    public static ServiceException Translate(NpgsqlException e) => e switch
    {
        PostgresException { SqlState: QueryCanceled } =>
            ServiceException.Unavailable("The query took longer than the source's statement timeout.", e),
        // Class 22 (data exception): with parameterised SQL and catalog identifiers, a value the request sent that
        // the database cannot take — a NUL in a text value (22021), a number out of its column's range (22003), a
        // date out of range (22008). Bad input, not a server fault (the endpoint fuzz found them as 500s).
        PostgresException p when p.SqlState.StartsWith(DataException, StringComparison.Ordinal) =>
            new ServiceException(ErrorKind.InvalidParameter, "InvalidParameterValue", $"A value of the request cannot be used by the database: {p.MessageText}", null, e),
        // The server understood and refused the statement: a catalog/table mismatch, not an outage.
        PostgresException p =>
            new ServiceException(ErrorKind.Internal, "NoApplicableCode", $"The database rejected the query ({p.SqlState}): {p.MessageText}", null, e),
        _ => ServiceException.Unavailable("The PostGIS source is unavailable.", e),
    };

    /// <summary>
    /// A text parameter Npgsql cannot encode in UTF-8 (half a surrogate pair, e.g. CQL2-JSON <c>"\ud800"</c>): it
    /// throws before sending anything; the value came from the request (found by the endpoint fuzz as a 500).
    /// </summary>
    public static ServiceException Unencodable(System.Text.EncoderFallbackException e) =>
        new(ErrorKind.InvalidParameter, "InvalidParameterValue", "A text value of the request is not valid Unicode (a lone surrogate).", null, e);
}
