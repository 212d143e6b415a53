using System.Xml.Linq;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// Reads <c>fes:SortBy</c> (FES 2.0 ValueReference, FES 1.1 PropertyName; SortOrder ASC/DESC, default ASC) into
/// sort keys. Property references follow the same minimal XPath as filters.
/// </summary>
public static class Fes20SortByReader
{
    public static IReadOnlyList<SortKey> Read(string xml, Fes20ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= Fes20ReaderOptions.Default;
        if (xml.Length > options.MaxLength || string.IsNullOrWhiteSpace(xml))
            throw new FilterParseException("The sort specification is empty or too long.", "sortBy");
        using var text = new StringReader(xml);
        try
        {
            return Read(Fes20FilterReader.Load(text, options));
        }
        catch (FilterParseException e) when (e.Locator != "sortBy")
        {
            throw new FilterParseException(e.Reason, "sortBy", e.Position, e.Line, e.Column, e.InnerException);
        }
    }

    public static IReadOnlyList<SortKey> Read(XElement sortBy)
    {
        ArgumentNullException.ThrowIfNull(sortBy);
        if (!FesXml.IsFilter(sortBy, "SortBy"))
            throw FesXml.Error(sortBy, $"Expected fes:SortBy but found '{sortBy.Name.LocalName}'.", "sortBy");
        var keys = new List<SortKey>();
        foreach (var property in sortBy.Elements())
        {
            if (!FesXml.IsFilter(property, "SortProperty"))
                throw FesXml.Error(property, $"Expected fes:SortProperty but found '{property.Name.LocalName}'.", "sortBy");
            var reference = property.Elements().FirstOrDefault(c => FesXml.IsFilter(c, "ValueReference") || FesXml.IsFilter(c, "PropertyName"))
                ?? throw FesXml.Error(property, "A SortProperty needs a ValueReference.", "sortBy");
            if (!FesValueReference.TryNormalize(reference.Value, out var name, out var error))
                throw FesXml.Error(reference, error, "sortBy");
            var order = property.Elements().FirstOrDefault(c => FesXml.IsFilter(c, "SortOrder"))?.Value.Trim();
            var direction = order?.ToUpperInvariant() switch
            {
                null or "ASC" => SortDirection.Ascending,
                "DESC" => SortDirection.Descending,
                _ => throw FesXml.Error(property, $"SortOrder '{order}' must be ASC or DESC.", "sortBy"),
            };
            keys.Add(new SortKey(name, direction));
        }
        if (keys.Count == 0)
            throw FesXml.Error(sortBy, "fes:SortBy holds no SortProperty.", "sortBy");
        return keys;
    }
}
