using System.Xml;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>
/// Reads SLD 1.0.0 and SLD 1.1.0 / SE 1.1 documents into the immutable style model: every UserStyle of every
/// NamedLayer/UserLayer, in document order. Unknown elements are ignored (vendor extensions of other servers);
/// malformed values (a bad colour, a non-numeric size, an unknown filter operator) throw a
/// <see cref="StyleParseException"/> with the file and line.
/// </summary>
/// <remarks>
/// DTDs are refused and no external entity or schema is ever resolved: SLD_BODY documents come from clients,
/// and a style must not be able to read local files or reach the network (XXE).
/// Documents are loaded into an XElement tree because style files are small and nested; the tree keeps the
/// line of every element for error messages.
/// </remarks>
public sealed class SldStyleReader : IStyleReader
{
    /// <summary>Bounds an SLD_BODY: no real style comes near it.</summary>
    private const long MaxCharacters = 4 * 1024 * 1024;

    /// <summary>Reads a style file; ExternalGraphic paths resolve against its folder.</summary>
    public IReadOnlyList<Style> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        using var stream = File.OpenRead(fullPath);
        return Parse(stream, Path.GetDirectoryName(fullPath)!, fullPath);
    }

    /// <summary>Reads an inline document (SLD_BODY, tests); <paramref name="baseDirectory"/> holds its symbols.</summary>
    public IReadOnlyList<Style> Parse(Stream stream, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Parse(stream, baseDirectory, null);
    }

    /// <inheritdoc cref="Parse(Stream, string)"/>
    public IReadOnlyList<Style> Parse(TextReader reader, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var context = new SldContext(null, baseDirectory);
        using var xml = XmlReader.Create(reader, SafeSettings());
        return ParseDocument(xml, context);
    }

    private static IReadOnlyList<Style> Parse(Stream stream, string baseDirectory, string? filePath)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var context = new SldContext(filePath, baseDirectory);
        using var xml = XmlReader.Create(stream, SafeSettings());
        return ParseDocument(xml, context);
    }

    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static IReadOnlyList<Style> ParseDocument(XmlReader xml, SldContext context)
    {
        XDocument document;
        try
        {
            // Whitespace is kept because Label mixed content ("N° <PropertyName/>") depends on it.
            document = XDocument.Load(xml, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new StyleParseException(context.FilePath, e.LineNumber, e.Message, e);
        }
        return new StyleDocumentReader(context).Read(document.Root!);
    }
}
