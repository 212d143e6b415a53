using System.Xml.Linq;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Wfs;
using GeoMas.Ogc.Protocols.Wfs.Features;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Tests.Wfs.Features;

/// <summary>Runs <see cref="WfsFeatureOperations"/> on an in-memory HTTP context over <see cref="FixedFeatureSource"/>.</summary>
public sealed class WfsFeatureResponseHost
{
    public WfsFeatureResponseHost(CatalogSnapshot? catalog = null)
    {
        Source = new FixedFeatureSource(WfsFeatureTestCatalog.ParcelFeatures());
        Operations = new WfsFeatureOperations(new FixedCatalogProvider(catalog ?? WfsFeatureTestCatalog.Build()), Source, new CrsRegistry(),
            new FixedClock());
    }

    public FixedFeatureSource Source { get; }
    public WfsFeatureOperations Operations { get; }

    public sealed record Response(int Status, string ContentType, string Body)
    {
        public XDocument Xml => XDocument.Parse(Body);
    }

    public Task<Response> GetAsync(string query, string version = "2.0.0", bool propertyValue = false) =>
        RunAsync(query, new WfsRequestInput(propertyValue ? "GetPropertyValue" : "GetFeature", version, KvpRequest.Parse(query), null), propertyValue);

    public Task<Response> PostAsync(XElement body, string version = "2.0.0") =>
        RunAsync("", new WfsRequestInput("GetFeature", version, null, body), propertyValue: false);

    private async Task<Response> RunAsync(string query, WfsRequestInput input, bool propertyValue)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/wfs";
        context.Request.QueryString = new QueryString(query);
        var body = new MemoryStream();
        context.Response.Body = body;
        if (propertyValue)
            await Operations.GetPropertyValueAsync(context, input, CancellationToken.None);
        else
            await Operations.GetFeatureAsync(context, input, CancellationToken.None);
        await context.Response.BodyWriter.FlushAsync();
        return new Response(context.Response.StatusCode, context.Response.ContentType ?? "", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}

internal sealed class FixedClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
}
