namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>A style document that cannot be read: the message names the file and the line so authors can fix it.</summary>
public sealed class StyleParseException : Exception
{
    public StyleParseException(string? filePath, int lineNumber, string reason, Exception? inner = null)
        : base(Format(filePath, lineNumber, reason), inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The style file, or null for an inline document (SLD_BODY, tests).</summary>
    public string? FilePath { get; }

    /// <summary>1-based line of the offending element; 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The message without location.</summary>
    public string Reason { get; }

    private static string Format(string? filePath, int lineNumber, string reason) =>
        $"{filePath ?? "<inline SLD>"}({lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {reason}";
}
