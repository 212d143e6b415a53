using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GeoMas.Ogc.Protocols.Encoding.Text;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// Writes an HTML5 page into the response pipe as it goes (no page string is built). Two kinds of writes only:
/// <see cref="Markup"/> for the page's own constant markup, and <see cref="Text"/> for anything else — titles,
/// attribute values, URLs, data — which is always HTML-encoded (quotes included, so it is safe inside attribute
/// values too). Accented text stays readable: only the characters HTML gives a meaning to are escaped.
/// </summary>
public sealed class HtmlWriter : IAsyncDisposable
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Utf8PipeTextWriter _text;

    public HtmlWriter(PipeWriter output)
    {
        _text = new Utf8PipeTextWriter(output ?? throw new ArgumentNullException(nameof(output)));
    }

    public int FlushEveryBytes { get; init; } = 32 * 1024;

    /// <summary>Trusted markup written by this code (never data).</summary>
    public HtmlWriter Markup(string markup)
    {
        _text.Write(markup);
        return this;
    }

    /// <summary>Text or an attribute value, HTML-encoded; null writes nothing.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
            Encoder.Encode(_text, text);
        return this;
    }

    /// <summary><c>&lt;a href="…"&gt;text&lt;/a&gt;</c> with both parts encoded.</summary>
    public HtmlWriter Link(string href, string text, string? type = null, string? rel = null)
    {
        Markup("<a href=\"").Text(href).Markup("\"");
        if (type is not null)
            Markup(" type=\"").Text(type).Markup("\"");
        if (rel is not null)
            Markup(" rel=\"").Text(rel).Markup("\"");
        return Markup(">").Text(text).Markup("</a>");
    }

    /// <summary>Sends what is written so far when enough has accumulated (after each table row, say).</summary>
    public async ValueTask FlushIfFullAsync(CancellationToken cancellationToken)
    {
        _text.Flush();
        if (_text.UnflushedBytes >= FlushEveryBytes)
            await _text.FlushToPipeAsync(cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _text.FlushToPipeAsync(cancellationToken);

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => _text.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
