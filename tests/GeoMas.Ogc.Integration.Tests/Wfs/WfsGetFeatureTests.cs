using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.OgcApi;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Wfs;

/// <summary>
/// GetFeature through the real composition on the GeoPackage (embedded default) and on PostGIS: hits and walks against
/// the database counts, bbox in the two 4326 spellings, FES filters, sort order, GetFeatureById and errors.
/// </summary>
public sealed class WfsGetFeatureTests : IClassFixture<EmbeddedServerFixture>, IClassFixture<PostGisOgcApiFixture>
{
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private readonly EmbeddedServerFixture _geoPackage;
    private readonly PostGisOgcApiFixture _postGis;

    public WfsGetFeatureTests(EmbeddedServerFixture geoPackage, PostGisOgcApiFixture postGis)
    {
        _geoPackage = geoPackage;
        _postGis = postGis;
    }

    private HttpClient Client(bool postGis) => postGis ? _postGis.App.CreateClient() : _geoPackage.App.CreateClient();

    private static async Task<XElement> GetXmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}\n{body}");
        return XElement.Parse(body);
    }

    private const string GetFeature = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hits_count_what_the_database_holds(bool postGis)
    {
        var root = await GetXmlAsync(Client(postGis), GetFeature + "&TYPENAMES=geomas:parcelles&RESULTTYPE=hits");

        Assert.Equal(await DatabaseCounts.RowsAsync(postGis, "parcelles"), long.Parse((string)root.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
        Assert.Equal("0", (string?)root.Attribute("numberReturned"));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "")]
    [InlineData(true, "&SORTBY=contenance%20DESC")]
    public async Task Walking_next_links_returns_every_parcel_exactly_once(bool postGis, string sort)
    {
        var client = Client(postGis);
        var expected = await DatabaseCounts.RowsAsync(postGis, "parcelles");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        string? url = GetFeature + "&TYPENAMES=parcelles&COUNT=1000&PROPERTYNAME=contenance" + sort;
        while (url is not null)
        {
            var page = await GetXmlAsync(client, url);
            Assert.Equal(expected, long.Parse((string)page.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
            var members = page.Elements(Wfs + "member").Select(m => (string)m.Elements().Single().Attribute(Gml + "id")!).ToList();
            Assert.Equal(members.Count, int.Parse((string)page.Attribute("numberReturned")!, CultureInfo.InvariantCulture));
            duplicates += members.Count(id => !seen.Add(id));
            url = (string?)page.Attribute("next") is { } next ? new Uri(next).PathAndQuery : null;
        }

        Assert.Equal(0, duplicates);
        Assert.Equal(expected, seen.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bbox_in_the_urn_and_the_short_4326_spellings_selects_the_same_parcels(bool postGis)
    {
        var client = Client(postGis);
        // Around Gap: lat 44.55–44.57, lon 6.07–6.09.
        var urn = await GetXmlAsync(client, GetFeature + "&TYPENAMES=parcelles&RESULTTYPE=hits&BBOX=44.55,6.07,44.57,6.09,urn:ogc:def:crs:EPSG::4326");
        var shortForm = await GetXmlAsync(client, GetFeature + "&TYPENAMES=parcelles&RESULTTYPE=hits&BBOX=6.07,44.55,6.09,44.57,EPSG:4326");
        var expected = await DatabaseCounts.ScalarAsync(postGis, postGis
            ? "SELECT count(*) FROM {schema}parcelles WHERE ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(6.07, 44.55, 6.09, 44.57, 4326), 2154))"
            : "SELECT count(*) FROM parcelles");

        var matched = long.Parse((string)urn.Attribute("numberMatched")!, CultureInfo.InvariantCulture);
        Assert.True(matched > 10, $"only {matched} parcels in the box");
        Assert.Equal(matched, long.Parse((string)shortForm.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
        if (postGis)
            Assert.InRange(matched, expected * 0.99, expected * 1.01); // densified box vs exact transform
        else
            Assert.True(matched < expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fes_like_filter_matches_the_sql_like_count(bool postGis)
    {
        var filter = Uri.EscapeDataString("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
            + "<fes:ValueReference>commune</fes:ValueReference><fes:Literal>05*</fes:Literal></fes:PropertyIsLike></fes:Filter>");
        using var response = await Client(postGis).GetAsync(GetFeature + "&TYPENAMES=parcelles&OUTPUTFORMAT=application/geo%2Bjson&SRSNAME=EPSG:2154&FILTER=" + filter);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

        var expected = await DatabaseCounts.ScalarAsync(postGis, "SELECT count(*) FROM {schema}parcelles WHERE commune LIKE '05%'");
        Assert.True(expected > 0);
        Assert.Equal(expected, json.RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal(expected, json.RootElement.GetProperty("numberMatched").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sortby_orders_the_page_and_urn_4326_is_written_lat_lon(bool postGis)
    {
        var root = await GetXmlAsync(Client(postGis), GetFeature
            + "&TYPENAMES=parcelles&COUNT=20&SORTBY=contenance%20DESC&SRSNAME=urn:ogc:def:crs:EPSG::4326");

        var app = XNamespace.Get("http://geomas.org/ogc");
        var areas = root.Descendants(app + "contenance").Select(e => long.Parse(e.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, areas.Count);
        Assert.Equal(areas.OrderByDescending(a => a), areas);
        Assert.All(root.Descendants().Attributes("srsName"), a => Assert.Equal("urn:ogc:def:crs:EPSG::4326", a.Value));
        var first = root.Descendants(Gml + "posList").First().Value.Split(' ');
        Assert.InRange(double.Parse(first[0], CultureInfo.InvariantCulture), 43.5, 45.5); // latitude first
        Assert.InRange(double.Parse(first[1], CultureInfo.InvariantCulture), 5.0, 7.5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_feature_by_id_returns_the_bare_feature_or_404(bool postGis)
    {
        var client = Client(postGis);
        var first = await GetXmlAsync(client, GetFeature + "&TYPENAMES=parcelles&COUNT=1");
        var id = (string)first.Element(Wfs + "member")!.Elements().Single().Attribute(Gml + "id")!;

        var feature = await GetXmlAsync(client, GetFeature + "&STOREDQUERY_ID=http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById&ID=" + id);
        Assert.Equal("parcelles", feature.Name.LocalName);
        Assert.Equal(id, (string?)feature.Attribute(Gml + "id"));

        using var missing = await client.GetAsync(GetFeature + "&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=parcelles.nope");
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Theory]
    [InlineData("&TYPENAMES=parcelles&SRSNAME=urn:ogc:def:crs:EPSG::32690", "srsName")]
    [InlineData("&TYPENAMES=parcelles&PROPERTYNAME=nope", "propertyName")]
    [InlineData("&TYPENAMES=parcelles&SORTBY=nope", "sortBy")]
    [InlineData("&TYPENAMES=routes&RESOURCEID=parcelles.1", "resourceId")]
    [InlineData("&TYPENAMES=parcelles&BBOX=1,2,3,4&RESOURCEID=parcelles.1", "resourceId")]
    public async Task Errors_are_ows_exception_reports_with_their_locator(string parameters, string locator)
    {
        using var response = await Client(true).GetAsync(GetFeature + parameters);

        Assert.Equal(400, (int)response.StatusCode);
        var report = XElement.Parse(await response.Content.ReadAsStringAsync());
        var exception = report.Element(Ows + "Exception")!;
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator, (string?)exception.Attribute("locator"), StringComparer.OrdinalIgnoreCase);
    }
}
