namespace GeoMas.Ogc.Core.Errors;

/// <summary>The broad kind of a failure; each protocol maps it to its own HTTP status and envelope.</summary>
public enum ErrorKind
{
    InvalidParameter,
    MissingParameter,
    NotFound,
    OperationNotSupported,
    LimitExceeded,
    Unavailable,
    NotAcceptable,
    Internal,
}

/// <summary>
/// A typed failure with its OGC exception code (e.g. LayerNotDefined, InvalidCRS, TileOutOfRange) and locator
/// (the offending parameter). Written in one place per protocol; never leaks as a 500.
/// </summary>
public class ServiceException(ErrorKind kind, string code, string message, string? locator = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string? Locator { get; } = locator;

    public static ServiceException Missing(string parameter) =>
        new(ErrorKind.MissingParameter, "MissingParameterValue", $"Missing parameter: {parameter}", parameter);

    public static ServiceException Invalid(string parameter, string message, string code = "InvalidParameterValue") =>
        new(ErrorKind.InvalidParameter, code, message, parameter);

    public static ServiceException LimitExceeded(string parameter, string message) =>
        new(ErrorKind.LimitExceeded, "InvalidParameterValue", message, parameter);

    public static ServiceException Unavailable(string message, Exception? inner = null) =>
        new(ErrorKind.Unavailable, "NoApplicableCode", message, null, inner);
}
