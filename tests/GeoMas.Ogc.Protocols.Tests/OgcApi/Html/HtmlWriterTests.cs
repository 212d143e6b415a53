using System.IO.Pipelines;
using GeoMas.Ogc.Protocols.OgcApi.Html;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Html;

public sealed class HtmlWriterTests
{
    private static async Task<string> WriteAsync(Action<HtmlWriter> write)
    {
        var stream = new MemoryStream();
        var pipe = PipeWriter.Create(stream);
        var html = new HtmlWriter(pipe);
        write(html);
        await html.CompleteAsync(CancellationToken.None);
        await pipe.CompleteAsync();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Text_is_html_encoded_including_quotes_and_keeps_accents_readable()
    {
        var text = await WriteAsync(h => h.Markup("<p title=\"").Text("\"><script>alert('x')</script>").Markup("\">").Text("Écrins & <b>").Markup("</p>"));
        Assert.Equal("<p title=\"&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\">Écrins &amp; &lt;b&gt;</p>", text);
    }

    [Fact]
    public async Task Link_encodes_href_and_label()
    {
        var text = await WriteAsync(h => h.Link("http://h/items?a=1&b=\"2\"", "<x>", "text/html", "next"));
        Assert.Equal("<a href=\"http://h/items?a=1&amp;b=&quot;2&quot;\" type=\"text/html\" rel=\"next\">&lt;x&gt;</a>", text);
    }

    [Fact]
    public void Leaflet_and_page_assets_are_embedded()
    {
        Assert.NotNull(HtmlAssets.Find("leaflet/leaflet.js"));
        Assert.NotNull(HtmlAssets.Find("leaflet/leaflet.css"));
        Assert.NotNull(HtmlAssets.Find("leaflet/images/marker-icon.png"));
        Assert.NotNull(HtmlAssets.Find("leaflet/LICENSE"));
        Assert.NotNull(HtmlAssets.Find("geomas-map.js"));
        Assert.NotNull(HtmlAssets.Find("geomas.css"));
        Assert.Null(HtmlAssets.Find("../GeoMas.Ogc.Protocols.dll"));
        Assert.Null(HtmlAssets.Find("nope.js"));
        Assert.Equal("text/javascript; charset=utf-8", HtmlAssets.ContentTypeOf("leaflet/leaflet.js"));
    }
}
