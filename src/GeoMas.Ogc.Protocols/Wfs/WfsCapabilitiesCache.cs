using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Encoded full capabilities documents, kept per catalog snapshot (the same idea as WmsCapabilitiesCache): a document
/// is a pure function of the snapshot, the version, the sections and the public base URL. Entries live as long as
/// their snapshot; the base URL comes from request headers, so a snapshot keeps at most
/// <see cref="MaxDocumentsPerSnapshot"/> documents and past that they are built and streamed every time.
/// </summary>
public static class WfsCapabilitiesCache
{
    public const int MaxDocumentsPerSnapshot = 16;

    private static readonly ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<Key, byte[]>> Documents = new();

    public static byte[]? TryGet(CatalogSnapshot snapshot, string version, WfsSections sections, string baseUrl) =>
        Documents.TryGetValue(snapshot, out var documents) && documents.TryGetValue(new Key(version, sections, baseUrl), out var bytes) ? bytes : null;

    public static void Add(CatalogSnapshot snapshot, string version, WfsSections sections, string baseUrl, byte[] document)
    {
        var documents = Documents.GetValue(snapshot, static _ => new ConcurrentDictionary<Key, byte[]>());
        // A racy count is fine: the bound only keeps header-controlled keys from growing without limit.
        if (documents.Count < MaxDocumentsPerSnapshot)
            documents.TryAdd(new Key(version, sections, baseUrl), document);
    }

    private readonly record struct Key(string Version, WfsSections Sections, string BaseUrl);
}
