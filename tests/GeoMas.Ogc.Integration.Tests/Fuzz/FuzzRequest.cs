using System.Text;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// One request of the fuzz run: a method, a path, an ordered list of query parameters (the values are sent
/// percent-encoded unless <see cref="FuzzParameter.Raw"/>), optional headers and body. <see cref="Mutations"/> says
/// what was done to the valid request it came from, so a failure reads as a reproducible case.
/// </summary>
public sealed record FuzzRequest(
    string Template,
    FuzzProtocol Protocol,
    string Method,
    IReadOnlyList<string> Segments,
    IReadOnlyList<FuzzParameter> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string? ContentType,
    IReadOnlyList<string> Mutations)
{
    /// <summary>Path and query as sent on the request line.</summary>
    public string PathAndQuery
    {
        get
        {
            var text = new StringBuilder();
            foreach (var segment in Segments)
                text.Append('/').Append(segment);
            if (Segments.Count == 0)
                text.Append('/');
            for (var i = 0; i < Query.Count; i++)
            {
                text.Append(i == 0 ? '?' : '&');
                var parameter = Query[i];
                text.Append(parameter.Raw ? parameter.Name : Uri.EscapeDataString(parameter.Name));
                if (parameter.Value is null)
                    continue;
                text.Append('=').Append(parameter.Raw ? parameter.Value : Uri.EscapeDataString(parameter.Value));
            }
            return text.ToString();
        }
    }

    public string Describe(int maxLength = 600)
    {
        var line = $"{Method} {PathAndQuery}";
        if (line.Length > maxLength)
            line = line[..maxLength] + $"…({line.Length} chars)";
        var body = Body is null ? "" : $" body[{Body.Length}]={Shorten(Body, 200)}";
        return $"[{Template}; {string.Join("; ", Mutations)}] {line}{body}";
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>A query parameter; <see cref="Value"/> null sends the bare name; <see cref="Raw"/> sends both unencoded.</summary>
public sealed record FuzzParameter(string Name, string? Value, bool Raw = false);
