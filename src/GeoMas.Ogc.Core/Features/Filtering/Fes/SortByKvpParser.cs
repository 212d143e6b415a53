namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// The KVP <c>SORTBY</c> of WFS: <c>nom ASC,id DESC</c> (WFS 2.0), <c>nom A,id D</c> (WFS 1.1), and the OGC API
/// form <c>+nom,-id</c>. The value is already URL-decoded ('+' in a KVP query string decodes to a space, so
/// <c>nom+DESC</c> reads as <c>nom DESC</c>). Errors carry the locator "sortBy" and the character position.
/// </summary>
public static class SortByKvpParser
{
    public static IReadOnlyList<SortKey> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var keys = new List<SortKey>();
        var offset = 0;
        foreach (var part in value.Split(','))
        {
            var position = offset + (part.Length - part.TrimStart().Length);
            offset += part.Length + 1;
            var item = part.Trim();
            if (item.Length == 0)
                throw new FilterParseException("Empty sort key.", "sortBy", position);

            var direction = SortDirection.Ascending;
            if (item[0] is '+' or '-')
            {
                direction = item[0] == '-' ? SortDirection.Descending : SortDirection.Ascending;
                item = item[1..].TrimStart();
            }
            else
            {
                var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 2)
                    throw new FilterParseException($"Sort key '{item}' must be 'property [ASC|DESC]'.", "sortBy", position);
                if (words.Length == 2)
                {
                    direction = words[1].ToUpperInvariant() switch
                    {
                        "ASC" or "A" => SortDirection.Ascending,
                        "DESC" or "D" => SortDirection.Descending,
                        _ => throw new FilterParseException($"Sort order '{words[1]}' must be ASC or DESC.", "sortBy", position),
                    };
                    item = words[0];
                }
            }
            if (!FesValueReference.TryNormalize(item, out var name, out var error))
                throw new FilterParseException(error, "sortBy", position);
            keys.Add(new SortKey(name, direction));
        }
        return keys;
    }
}
