using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// Turns valid requests into hostile ones, deterministically: case <c>i</c> of seed <c>s</c> is always the same request
/// (its own <see cref="Random"/> seeded from both), so a failure is reproduced by its index alone. Each case applies
/// one to three mutations to a random template: parameters dropped, duplicated, emptied, replaced by hostile values
/// (numbers out of range, NaN, unicode, control characters, SQL, traversal), made very long, renamed, re-cased, bbox
/// axes swapped or reversed, CQL2/FES garbage and deep nesting, raw percent-encoding garbage, path segments replaced,
/// other methods, malformed or deeply nested XML/JSON bodies, hostile headers.
/// </summary>
public sealed partial class FuzzCaseGenerator(IReadOnlyList<FuzzTemplate> templates, int seed,
    IReadOnlyList<KeyValuePair<string, string>> credentials)
{
    /// <summary>Longest query the generator builds (Kestrel's request line limit is 8 KiB).</summary>
    private const int MaxQueryLength = 7000;

    private delegate string? Mutation(Random random, MutableRequest request);

    private static readonly Mutation[] Mutations =
    [
        DropParameter, DropParameter, DuplicateParameter, EmptyValue, GarbageValue, GarbageValue, NumberInValue, NumberInValue,
        NumberInValue, LongValue, WrongCase, SwapAxes, ReverseBox, UnknownParameter, RawPercent, GarbageName, FilterGarbage,
        FilterGarbage, DeepNesting, PathSegment, PathSegment, OtherMethod, BodyMutation, BodyMutation, BodyMutation, HeaderGarbage,
    ];

    public FuzzRequest Generate(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var template = templates[random.Next(templates.Count)];
        var request = new MutableRequest(template, credentials);
        var count = 1 + random.Next(3);
        for (var applied = 0; applied < count;)
        {
            var description = Mutations[random.Next(Mutations.Length)](random, request);
            if (description is not null)
            {
                request.Descriptions.Add(description);
                applied++;
            }
        }
        return request.ToRequest();
    }

    private sealed class MutableRequest(FuzzTemplate template, IReadOnlyList<KeyValuePair<string, string>> credentials)
    {
        public FuzzTemplate Template { get; } = template;
        public string Method { get; set; } = template.Method;
        public List<string> Segments { get; } = [.. template.Segments];
        public List<FuzzParameter> Query { get; } = [.. template.Query];
        public List<KeyValuePair<string, string>> Headers { get; } = [.. credentials];
        public string? Body { get; set; } = template.Body;
        public string? ContentType { get; set; } = template.ContentType;
        public List<string> Descriptions { get; } = [];

        public int QueryLength => Query.Sum(p => p.Name.Length + (p.Value?.Length ?? 0) * 3 + 2);

        public FuzzRequest ToRequest() =>
            new(Template.Name, Template.Protocol, Method, Segments, Query, Headers, Body, ContentType, Descriptions);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static int PickParameter(Random random, MutableRequest request) =>
        request.Query.Count == 0 ? -1 : random.Next(request.Query.Count);

    private static string? DropParameter(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var name = request.Query[i].Name;
        request.Query.RemoveAt(i);
        return $"drop {name}";
    }

    private static string? DuplicateParameter(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var parameter = request.Query[i];
        var copy = random.Next(2) == 0 ? parameter : parameter with { Value = Pick(random, FuzzValues.Garbage) };
        request.Query.Insert(random.Next(request.Query.Count + 1), copy);
        return $"duplicate {parameter.Name}";
    }

    private static string? EmptyValue(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        request.Query[i] = request.Query[i] with { Value = random.Next(3) == 0 ? null : "", Raw = false };
        return $"empty {request.Query[i].Name}";
    }

    private static string? GarbageValue(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var value = Pick(random, FuzzValues.Garbage);
        request.Query[i] = request.Query[i] with { Value = value, Raw = false };
        return $"garbage {request.Query[i].Name}";
    }

    /// <summary>Replaces one number of a value (a lone number or one item of a list such as a bbox) by a hostile one.</summary>
    private static string? NumberInValue(Random random, MutableRequest request)
    {
        var candidates = Enumerable.Range(0, request.Query.Count)
            .Where(i => request.Query[i].Value is { } v && NumberPattern().IsMatch(v)).ToList();
        if (candidates.Count == 0)
            return null;
        var i = Pick(random, candidates);
        var matches = NumberPattern().Matches(request.Query[i].Value!);
        var match = matches[random.Next(matches.Count)];
        var number = Pick(random, FuzzValues.Numbers);
        var value = request.Query[i].Value!;
        request.Query[i] = request.Query[i] with { Value = string.Concat(value.AsSpan(0, match.Index), number, value.AsSpan(match.Index + match.Length)), Raw = false };
        return $"number {request.Query[i].Name}:{number}";
    }

    private static string? LongValue(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var budget = Math.Max(0, (MaxQueryLength - request.QueryLength) / 3);
        if (budget < 100)
            return null;
        var unit = Pick(random, new[] { "A", "1,", "é", "layer,", "0", "(", "9", "%" });
        var length = random.Next(100, budget);
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
            text.Append(unit);
        request.Query[i] = request.Query[i] with { Value = random.Next(2) == 0 ? text.ToString() : request.Query[i].Value + text, Raw = false };
        return $"long {request.Query[i].Name}[{text.Length}]";
    }

    private static string? WrongCase(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var parameter = request.Query[i];
        request.Query[i] = random.Next(3) switch
        {
            0 => parameter with { Name = parameter.Name.ToLowerInvariant() },
            1 => parameter with { Name = Toggle(parameter.Name) },
            _ => parameter with { Value = parameter.Value is null ? null : Toggle(parameter.Value) },
        };
        return $"case {parameter.Name}";

        static string Toggle(string text) => string.Concat(text.Select((c, n) => n % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
    }

    private static string? SwapAxes(Random random, MutableRequest request) => RewriteBox(random, request, "swap axes",
        numbers => numbers.Length >= 4 ? [numbers[1], numbers[0], numbers[3], numbers[2], .. numbers[4..]] : null);

    private static string? ReverseBox(Random random, MutableRequest request) => RewriteBox(random, request, "reverse bbox",
        numbers => numbers.Length >= 4 ? [numbers[2], numbers[3], numbers[0], numbers[1], .. numbers[4..]] : null);

    private static string? RewriteBox(Random random, MutableRequest request, string what, Func<string[], string[]?> rewrite)
    {
        var candidates = Enumerable.Range(0, request.Query.Count)
            .Where(i => request.Query[i].Name.Contains("bbox", StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
            return null;
        var i = Pick(random, candidates);
        var parts = request.Query[i].Value?.Split(',');
        if (parts is null || rewrite(parts) is not { } rewritten)
            return null;
        request.Query[i] = request.Query[i] with { Value = string.Join(',', rewritten) };
        return what;
    }

    private static string? UnknownParameter(Random random, MutableRequest request)
    {
        var name = Pick(random, new[] { "x", "ÿ", "SERVICE", "REQUEST", "VERSION", "f", "limit", "crs", "apikey", "cursor", "filter", "time", "STYLES", "__proto__" });
        var value = random.Next(2) == 0 ? Pick(random, FuzzValues.Garbage) : Pick(random, FuzzValues.Numbers);
        request.Query.Insert(random.Next(request.Query.Count + 1), new FuzzParameter(name, value));
        return $"add {name}";
    }

    private static string? RawPercent(Random random, MutableRequest request)
    {
        var garbage = Pick(random, FuzzValues.RawEncoded);
        var i = PickParameter(random, request);
        if (i < 0 || random.Next(4) == 0)
        {
            request.Query.Add(new FuzzParameter(garbage, garbage, Raw: true));
            return $"raw param {garbage}";
        }
        var parameter = request.Query[i];
        request.Query[i] = new FuzzParameter(Uri.EscapeDataString(parameter.Name),
            (parameter.Value is null ? "" : Uri.EscapeDataString(parameter.Value)) + garbage, Raw: true);
        return $"raw {parameter.Name}+{garbage}";
    }

    private static string? GarbageName(Random random, MutableRequest request)
    {
        var i = PickParameter(random, request);
        if (i < 0)
            return null;
        var name = request.Query[i].Name;
        request.Query[i] = request.Query[i] with { Name = Pick(random, new[] { "", " " + name, name + "\u0000", name + "[]", name + "%", "\u202E" + name, name + name }) };
        return $"rename {name}";
    }

    /// <summary>Filter garbage where the protocol reads filters (CQL2 text/JSON, FES), or a filter where none is expected.</summary>
    private static string? FilterGarbage(Random random, MutableRequest request)
    {
        var i = request.Query.FindIndex(p => p.Name.Equals("filter", StringComparison.OrdinalIgnoreCase));
        var json = request.Query.Any(p => p.Value is "cql2-json");
        var value = random.Next(4) switch
        {
            0 => Pick(random, FuzzValues.Json),
            1 => "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>" + Pick(random, FuzzValues.Garbage) + "</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>",
            _ => json ? Pick(random, FuzzValues.Json) : Pick(random, FuzzValues.Cql2),
        };
        if (i < 0)
            request.Query.Add(new FuzzParameter(random.Next(2) == 0 ? "filter" : "FILTER", value));
        else
            request.Query[i] = request.Query[i] with { Value = value, Raw = false };
        return $"filter {Shorten(value)}";
    }

    /// <summary>Deeply nested filters and bodies: recursive parsers must refuse them, not overflow their stack.</summary>
    private static string? DeepNesting(Random random, MutableRequest request)
    {
        if (request.Body is not null && random.Next(2) == 0)
        {
            var depth = Pick(random, new[] { 100, 1_000, 10_000, 50_000 });
            request.Body = request.ContentType == "application/json"
                ? Repeat("[", depth) + Repeat("]", depth)
                : "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Query typeNames=\"geomas:parcelles\"><fes:Filter>"
                  + Repeat("<fes:Not>", depth) + "<fes:PropertyIsEqualTo><fes:ValueReference>commune</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>"
                  + Repeat("</fes:Not>", depth) + "</fes:Filter></wfs:Query></wfs:GetFeature>";
            return $"deep body {depth}";
        }
        var budget = Math.Max(0, MaxQueryLength - request.QueryLength) / 3;
        var (open, inner, close, cql2Json) = random.Next(5) switch
        {
            0 => ("(", "commune = '05061'", ")", false),
            1 => ("NOT ", "commune = '05061'", "", false),
            2 => ("{\"op\":\"not\",\"args\":[", "{\"op\":\"=\",\"args\":[{\"property\":\"commune\"},\"05061\"]}", "]}", true),
            3 => ("[", "1", "]", true),
            _ => ("<fes:Not>", "<fes:PropertyIsNull><fes:ValueReference>id</fes:ValueReference></fes:PropertyIsNull>", "</fes:Not>", false),
        };
        var levels = Math.Min(Pick(random, new[] { 50, 500, 5_000 }), (budget - inner.Length) / Math.Max(1, open.Length + close.Length));
        if (levels < 10)
            return null;
        var value = Repeat(open, levels) + inner + Repeat(close, levels);
        if (open.StartsWith("<fes", StringComparison.Ordinal))
            value = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">" + value + "</fes:Filter>";
        request.Query.RemoveAll(p => p.Name.Equals("filter", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("filter-lang", StringComparison.OrdinalIgnoreCase));
        request.Query.Add(new FuzzParameter(request.Template.Protocol == FuzzProtocol.Wfs ? "FILTER" : "filter", value));
        if (cql2Json)
            request.Query.Add(new FuzzParameter("filter-lang", "cql2-json"));
        return $"deep filter {Shorten(open)}x{levels}";
    }

    private static string? PathSegment(Random random, MutableRequest request)
    {
        if (request.Segments.Count == 0)
        {
            request.Segments.Add(Pick(random, FuzzValues.RawSegments));
            return $"path +{request.Segments[0]}";
        }
        var i = random.Next(request.Segments.Count);
        switch (random.Next(5))
        {
            case 0:
                request.Segments.RemoveAt(i);
                return $"path drop {i}";
            case 1:
                request.Segments.Insert(i, request.Segments[i]);
                return $"path duplicate {i}";
            case 2:
                request.Segments.Add(Pick(random, FuzzValues.RawSegments));
                return $"path +{request.Segments[^1]}";
            case 3:
                // A number, or an extension on a tile's last segment, pushed out of range.
                var number = Pick(random, FuzzValues.Numbers);
                var dot = request.Segments[i].LastIndexOf('.');
                request.Segments[i] = Uri.EscapeDataString(number) + (dot > 0 ? request.Segments[i][dot..] : "");
                return $"path {i}={number}";
            default:
                request.Segments[i] = Pick(random, FuzzValues.RawSegments);
                return $"path {i}={request.Segments[i]}";
        }
    }

    private static string? OtherMethod(Random random, MutableRequest request)
    {
        var method = Pick(random, new[] { "HEAD", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "GET" });
        if (method == request.Method)
            return null;
        request.Method = method;
        if (method == "GET" || method == "HEAD")
        {
            request.Body = null;
            request.ContentType = null;
        }
        else if (method == "POST" && request.Body is null && random.Next(2) == 0)
        {
            request.Body = Pick(random, new[] { "<x/>", "{}", "SERVICE=WFS&REQUEST=GetCapabilities", "" });
            request.ContentType = Pick(random, new[] { "application/xml", "application/json", "application/x-www-form-urlencoded", "text/plain" });
        }
        return $"method {method}";
    }

    private static string? BodyMutation(Random random, MutableRequest request)
    {
        if (request.Body is not { } body)
            return null;
        switch (random.Next(9))
        {
            case 0:
                request.Body = body[..random.Next(body.Length)];
                return "truncate body";
            case 1:
                var at = random.Next(body.Length);
                request.Body = body[..at] + Pick(random, FuzzValues.Garbage) + body[at..];
                return "inject into body";
            case 2:
                request.Body = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                    + body.Replace("geomas:parcelles", "&lol3;", StringComparison.Ordinal);
                return "entity expansion";
            case 3:
                request.Body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + body.Replace("05061", "&xxe;", StringComparison.Ordinal);
                return "external entity";
            case 4:
                // Every number in the body replaced by the same hostile one.
                var number = Pick(random, FuzzValues.Numbers);
                request.Body = NumberPattern().Replace(body, number);
                return $"body numbers={number}";
            case 5:
                // Every attribute value or JSON string replaced by a hostile value (escaped enough to stay well-formed).
                var garbage = Pick(random, FuzzValues.Garbage);
                request.Body = request.ContentType == "application/json"
                    ? JsonStringPattern().Replace(body, "\"" + System.Text.Json.JsonEncodedText.Encode(garbage) + "\"")
                    : AttributePattern().Replace(body, m => $"{m.Groups[1].Value}=\"{System.Security.SecurityElement.Escape(garbage.Replace("\u0000", "", StringComparison.Ordinal))}\"", 1, random.Next(body.Length / 2));
                return $"body values={Shorten(garbage)}";
            case 6:
                request.ContentType = Pick(random, new[] { "application/json", "text/plain", "application/xml; charset=utf-16", "multipart/form-data", "application/x-www-form-urlencoded", "", "garbage/" });
                return $"content type {request.ContentType}";
            case 7:
                request.Body = Pick(random, FuzzValues.Json) is var json && random.Next(2) == 0 ? json : Pick(random, FuzzValues.Garbage);
                return $"body={Shorten(request.Body)}";
            default:
                request.Body = "";
                return "empty body";
        }
    }

    private static string? HeaderGarbage(Random random, MutableRequest request)
    {
        var (name, value) = random.Next(8) switch
        {
            0 => ("Accept", Pick(random, new[] { "application/xml;q=NaN", "*/*;q=2", "text/html;;;", "image/*, application/*;q=-1", "garbage", "application/geo+json;profile=\"x", "" })),
            1 => ("X-Api-Key", Pick(random, new[] { "", "x", new string('k', 4000), "' OR 1=1 --", "gm_" })),
            2 => ("Authorization", Pick(random, new[] { "Basic !!!", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("nocolon")), "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":")), "Bearer x.y.z", "Bearer " + new string('a', 5000), "Bearer", "Digest x", "Basic" })),
            3 => ("Accept-Language", "fr;q=abc, ,,,"),
            4 => ("If-None-Match", Pick(random, new[] { "\"\"", "*", "W/", "\"x\", garbage" })),
            5 => ("Range", Pick(random, new[] { "bytes=-1", "bytes=99999999999999999999-", "bytes=5-1", "garbage" })),
            6 => ("X-Forwarded-Host", Pick(random, new[] { "evil.example", "a b", "[::1", "" })),
            _ => ("X-Forwarded-Proto", Pick(random, new[] { "gopher", "", "https, http" })),
        };
        if (name is "X-Api-Key" or "Authorization")
            request.Headers.RemoveAll(h => h.Key is "X-Api-Key" or "Authorization");
        request.Headers.Add(new KeyValuePair<string, string>(name, value));
        return $"header {name}";
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40].ToString(CultureInfo.InvariantCulture) + "…";

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex JsonStringPattern();

    [GeneratedRegex("(\\w+)=\"[^\"]*\"")]
    private static partial Regex AttributePattern();
}
