using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// WFS GetFeature (with the GetFeatureById stored query) and GetPropertyValue, for WFS 2.0.0 and the 1.1.0 forms.
/// The <c>/wfs</c> dispatcher hands over the request (KVP or XML) and writes any <see cref="ServiceException"/> as an
/// OWS ExceptionReport. Every error is raised before the status line: the request is checked against the catalog,
/// then the page query's first row is read (and the count awaited when GML needs it up front). After the first byte
/// a failure aborts the connection, because a truncated body must not look like a complete collection; a client
/// that disconnects cancels the query through the request's token.
/// </summary>
public sealed class WfsFeatureOperations
{
    private readonly ICatalogProvider _catalog;
    private readonly IFeatureSourceProvider _sources;
    private readonly CrsRegistry _crs;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public WfsFeatureOperations(ICatalogProvider catalog, IFeatureSourceProvider sources, CrsRegistry crs,
        TimeProvider? clock = null, ILogger<WfsFeatureOperations>? logger = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public Task GetFeatureAsync(HttpContext context, WfsRequestInput input, CancellationToken ct) => RunAsync(context, input, propertyValue: false, ct);

    public Task GetPropertyValueAsync(HttpContext context, WfsRequestInput input, CancellationToken ct) => RunAsync(context, input, propertyValue: true, ct);

    /// <summary>Reads and checks the request (public for tests and for the dispatcher's own validation).</summary>
    public WfsGetFeatureRequest Parse(WfsRequestInput input, bool propertyValue = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Xml is { } xml ? WfsXmlQueryReader.Read(xml)
            : WfsKvpQueryReader.Read(input.Kvp ?? throw new ArgumentException("The request has neither KVP nor XML.", nameof(input)));
        return WfsGetFeatureParser.Parse(text, input.Version, _catalog.Current, _crs, propertyValue);
    }

    private async Task RunAsync(HttpContext context, WfsRequestInput input, bool propertyValue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = _catalog.Current;
        var request = Parse(input, propertyValue);
        context.Features.Get<IUsageRecorder>()?.Layer(request.Layer.Id);
        var endpoint = PublicBaseUrl.Resolve(context.Request, snapshot.Service) + context.Request.Path.Value;
        var links = request.IsV110 ? null : WfsPageLinks.For(context, endpoint, input.IsXml);
        var source = _sources.For(request.Layer);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, context.RequestAborted);
        var token = linked.Token;
        var document = request.Format.IsGml ? new WfsGmlDocument(request, endpoint) : null;
        var timeStamp = _clock.GetUtcNow();

        if (request.FeatureById is { } id)
        {
            var feature = await source.GetByIdAsync(request.Layer, id, request.Query.OutputSrid, token)
                ?? throw WfsGetFeatureParser.NotFound(request.Layer.Id + "." + id);
            await StreamAsync(context, () => request.Format.Kind switch
            {
                WfsOutputKind.GeoJson => WfsGeoJsonResponses.FeatureAsync(context, request, feature, token),
                WfsOutputKind.Csv => WfsCsvResponses.FeatureAsync(context, request, feature, token),
                _ => WfsGmlResponses.FeatureAsync(context, request, document!, feature, token),
            });
            context.Features.Get<IUsageRecorder>()?.Features(1);
            return;
        }

        if (request.ResultType == WfsResultType.Hits)
        {
            var matched = await source.CountAsync(request.Query, token);
            var page = WfsPage.Of(request, matched, links);
            await StreamAsync(context, () => document is null
                ? WfsGeoJsonResponses.HitsAsync(context, matched, timeStamp, token)
                : WfsGmlResponses.HitsAsync(context, request, document, page, timeStamp, token));
            return;
        }

        await ResultsAsync(context, request, source, document, links, timeStamp, token);
    }

    private async Task ResultsAsync(HttpContext context, WfsGetFeatureRequest request, IFeatureSource source, WfsGmlDocument? document,
        WfsPageLinks? links, DateTimeOffset timeStamp, CancellationToken token)
    {
        // GML needs numberMatched/numberReturned on the root element, so it counts concurrently with the page query.
        // GeoJSON puts them in its trailer and reads one row past the page instead: a page that is not full gives
        // numberMatched for free, so the usual export or bbox request runs a single query.
        var needsCount = document is not null;
        var pageQuery = request.Query with { Limit = request.Count + (document is null ? 1 : 0), Offset = request.StartIndex };

        using var countCancellation = CancellationTokenSource.CreateLinkedTokenSource(token);
        var counting = needsCount ? source.CountAsync(request.Query, countCancellation.Token) : null;
        try
        {
            await using var rows = source.QueryAsync(pageQuery, token).GetAsyncEnumerator(token);
            var hasRow = await rows.MoveNextAsync();
            if (document is not null)
            {
                var page = WfsPage.Of(request, await counting!, links);
                await StreamAsync(context, () => WfsGmlResponses.CollectionAsync(context, request, document, rows, hasRow, page, timeStamp, token));
            }
            else if (request.Format.Kind == WfsOutputKind.GeoJson)
            {
                await StreamAsync(context, () => WfsGeoJsonResponses.CollectionAsync(context, request, source, rows, hasRow, links, timeStamp, token));
            }
            else
            {
                await StreamAsync(context, () => WfsCsvResponses.CollectionAsync(context, request, rows, hasRow, token));
            }
        }
        finally
        {
            if (counting is not null)
            {
                // Never leave the count running (or its failure unobserved) when the answer ends early.
                await countCancellation.CancelAsync();
                try
                {
                    await counting;
                }
                catch (Exception) when (counting.IsCanceled || counting.IsFaulted)
                {
                }
            }
        }
    }

    /// <summary>
    /// Runs a writer that starts the response. Everything that can be refused has been checked before, and once the
    /// writer has put bytes in the body pipe an ExceptionReport can no longer replace them: on failure the connection
    /// is aborted so the client sees a broken transfer, never a short document that looks complete.
    /// </summary>
    private async Task StreamAsync(HttpContext context, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e)
        {
            if (!ClientGoneException.Explains(context, e))
                _logger.LogWarning(e, "WFS response to {Query} aborted after it started", context.Request.QueryString.Value);
            context.Abort();
        }
    }
}
