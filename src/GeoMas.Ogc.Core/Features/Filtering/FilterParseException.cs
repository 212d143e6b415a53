using System.Globalization;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// A filter text (FES XML, CQL2 text or JSON, SORTBY) that cannot be read. It is a client error: the default
/// mapping is InvalidParameterValue (OGC API: 400 with the message); the WFS layer may map XML syntax errors of
/// POST bodies to OperationParsingFailed instead. Parsers throw nothing else for bad input.
/// </summary>
public sealed class FilterParseException : ServiceException
{
    public FilterParseException(string message, string locator = "filter", int? position = null, int? line = null, int? column = null, Exception? inner = null)
        : base(ErrorKind.InvalidParameter, "InvalidParameterValue", Describe(message, position, line, column), locator, inner)
    {
        Reason = message;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the position suffix.</summary>
    public string Reason { get; }

    /// <summary>0-based character offset in the filter text (CQL2 text, SORTBY), when known.</summary>
    public int? Position { get; }

    /// <summary>1-based line and column (XML, JSON), when known.</summary>
    public int? Line { get; }

    public int? Column { get; }

    private static string Describe(string message, int? position, int? line, int? column)
    {
        var inv = CultureInfo.InvariantCulture;
        if (line is { } l)
            return string.Create(inv, $"{message} (line {l}, column {column ?? 0})");
        if (position is { } p)
            return string.Create(inv, $"{message} (at character {p + 1})");
        return message;
    }
}
