using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// Encoded capabilities documents, kept per catalog snapshot and keyed by what else the document depends on
/// (version, public base URL, today's date for TIME defaults). A document is a pure function of those, and building
/// it (extents in every CRS, legend sizes, XML) costs milliseconds while serving bytes costs microseconds.
/// Entries live exactly as long as their snapshot (a reload publishes a new snapshot; the old one and its documents
/// are collected). The base URL comes from request headers (X-Forwarded-*), so a snapshot keeps at most
/// <see cref="MaxDocumentsPerSnapshot"/> documents: past that, documents are built and streamed as before.
/// </summary>
public static class WmsCapabilitiesCache
{
    public const int MaxDocumentsPerSnapshot = 16;

    private static readonly ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<Key, byte[]>> Documents = new();

    public static byte[]? TryGet(CatalogSnapshot snapshot, WmsVersion version, string baseUrl, DateOnly today) =>
        Documents.TryGetValue(snapshot, out var documents) && documents.TryGetValue(new Key(version, baseUrl, today), out var bytes) ? bytes : null;

    public static void Add(CatalogSnapshot snapshot, WmsVersion version, string baseUrl, DateOnly today, byte[] document)
    {
        var documents = Documents.GetValue(snapshot, static _ => new ConcurrentDictionary<Key, byte[]>());
        // A racy count is fine: the bound only keeps header-controlled keys from growing without limit.
        if (documents.Count < MaxDocumentsPerSnapshot)
            documents.TryAdd(new Key(version, baseUrl, today), document);
    }

    private readonly record struct Key(WmsVersion Version, string BaseUrl, DateOnly Today);
}
