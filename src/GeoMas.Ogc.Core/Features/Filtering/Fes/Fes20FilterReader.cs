using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// Reads an OGC Filter Encoding <c>Filter</c> — FES 2.0 (<c>http://www.opengis.net/fes/2.0</c>) or the FES 1.1
/// "ogc" filter of WFS 1.1 clients (<c>http://www.opengis.net/ogc</c>), same reader — into the filter AST.
/// XML is read with DTD processing prohibited, no resolver (no external entities) and a size cap; every problem is
/// a <see cref="FilterParseException"/> with line and column.
/// </summary>
public static class Fes20FilterReader
{
    /// <summary>Reads a KVP <c>FILTER</c> value (already URL-decoded).</summary>
    public static ParsedFilter Read(string xml, Fes20ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= Fes20ReaderOptions.Default;
        if (xml.Length > options.MaxLength)
            throw new FilterParseException($"The filter is longer than {options.MaxLength.ToString(CultureInfo.InvariantCulture)} characters.");
        if (string.IsNullOrWhiteSpace(xml))
            throw new FilterParseException("The filter is empty.");
        using var text = new StringReader(xml);
        return Read(Load(text, options), options);
    }

    /// <summary>Reads a filter document from a stream (a POST body or a fragment of one).</summary>
    public static ParsedFilter Read(Stream stream, Fes20ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= Fes20ReaderOptions.Default;
        using var text = new StreamReader(stream, leaveOpen: true);
        return Read(Load(text, options), options);
    }

    /// <summary>Reads a <c>Filter</c> element already loaded by the caller (e.g. inside a wfs:Query of a POST body).</summary>
    public static ParsedFilter Read(XElement filter, Fes20ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        options ??= Fes20ReaderOptions.Default;
        return new FesFilterBuilder(options).Build(filter);
    }

    /// <summary>Secure XML settings shared by the filter and sort readers.</summary>
    internal static XmlReaderSettings Settings(int maxLength) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxLength,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    internal static XElement Load(TextReader text, Fes20ReaderOptions options)
    {
        var settings = Settings(options.MaxLength);
        try
        {
            using var reader = XmlReader.Create(text, settings, FesNamespaces.Context(new NameTable()));
            var root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
            CheckDepth(root, options.MaxDepth);
            return root;
        }
        catch (XmlException e)
        {
            throw new FilterParseException("The filter is not well-formed XML: " + e.Message, line: e.LineNumber, column: e.LinePosition, inner: e);
        }
        catch (InvalidOperationException e)
        {
            throw new FilterParseException("The filter is not well-formed XML: " + e.Message, inner: e);
        }
    }

    private static void CheckDepth(XElement root, int maxDepth)
    {
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            if (depth > maxDepth)
                throw FesXml.Error(e, "The filter is nested too deeply.");
            foreach (var child in e.Elements())
                stack.Push((child, depth + 1));
        }
    }
}
