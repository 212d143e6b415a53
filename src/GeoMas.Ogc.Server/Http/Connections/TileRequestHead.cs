using System.Buffers;
using System.Text;

namespace GeoMas.Ogc.Server.Http.Connections;

/// <summary>What <see cref="TileRequestHead.TryRead"/> made of the bytes at the start of a connection's buffer.</summary>
public enum TileHeadReading
{
    /// <summary>A whole, well-formed GET or HEAD without a body: the next request starts <see cref="TileRequestHead.Length"/> bytes on.</summary>
    Complete,

    /// <summary>The head has not fully arrived yet.</summary>
    Incomplete,

    /// <summary>
    /// Anything this reader does not fully understand (another method or version, a body, an upgrade, a byte out of
    /// the plain ASCII it accepts, TLS or HTTP/2 bytes): where it ends is Kestrel's to decide, not this reader's.
    /// </summary>
    Unusable,
}

/// <summary>
/// The head of an HTTP/1.1 request, read strictly enough to answer a cached tile without Kestrel's parser and to know
/// where the next request starts. It accepts a subset of what HTTP/1.1 allows, and calls everything else
/// <see cref="TileHeadReading.Unusable"/>: a request line <c>GET|HEAD SP origin-form SP HTTP/1.1</c>, with a target
/// of plain characters (no percent-escape, no dot or empty segment: Kestrel would decode or normalise those); header
/// lines <c>name: value</c> with token names and printable-ASCII values; no folding, no Content-Length,
/// Transfer-Encoding, Expect or Upgrade (so no body follows), Connection only as keep-alive; exactly one Host.
/// </summary>
public readonly record struct TileRequestHead(string Path, string? Query, string? IfNoneMatch, int Length, bool PipelineOnly)
{
    /// <summary>Longest head read here (Kestrel's request-line limit is 8 KB, its header limit 32 KB: longer ones go to it).</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>
    /// Reads the request head at the start of <paramref name="buffer"/>. <see cref="PipelineOnly"/> is set for a
    /// well-formed request this path must not answer itself: HEAD, or a header other than the ones a browser or tile
    /// client sends anonymously (credentials, cookies, forwarding headers: the pipeline reads those).
    /// </summary>
    public static TileHeadReading TryRead(in ReadOnlySequence<byte> buffer, out TileRequestHead head)
    {
        head = default;
        if (buffer.FirstSpan.Length >= Math.Min(buffer.Length, MaxLength))
            return Read(buffer.FirstSpan[..(int)Math.Min(buffer.FirstSpan.Length, MaxLength)], out head);
        Span<byte> copy = stackalloc byte[(int)Math.Min(buffer.Length, MaxLength)];
        buffer.Slice(0, copy.Length).CopyTo(copy);
        return Read(copy, out head);
    }

    private static TileHeadReading Read(ReadOnlySpan<byte> bytes, out TileRequestHead head)
    {
        head = default;
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            // Waiting is worth it only for what can still become a GET or HEAD head within the limit.
            var start = bytes[..Math.Min(bytes.Length, 5)];
            return bytes.Length < MaxLength && ("GET /"u8.StartsWith(start) || "HEAD "u8.StartsWith(start))
                ? TileHeadReading.Incomplete
                : TileHeadReading.Unusable;
        }

        var lines = bytes[..(end + 2)];
        var lineEnd = lines.IndexOf("\r\n"u8);
        if (!TryReadRequestLine(lines[..lineEnd], out var isHead, out var path, out var query))
            return TileHeadReading.Unusable;

        var pipelineOnly = isHead;
        var hosts = 0;
        string? ifNoneMatch = null;
        var rest = lines[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
                return TileHeadReading.Unusable;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (!IsFieldValue(value))
                return TileHeadReading.Unusable;
            switch (Classify(name))
            {
                case HeaderKind.Host:
                    if (++hosts > 1 || !IsHost(value))
                        return TileHeadReading.Unusable;
                    break;
                case HeaderKind.IfNoneMatch:
                    if (ifNoneMatch is not null)
                        pipelineOnly = true;
                    ifNoneMatch = Encoding.ASCII.GetString(value);
                    break;
                case HeaderKind.Connection:
                    if (!Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
                        return TileHeadReading.Unusable;
                    break;
                case HeaderKind.Body:
                    return TileHeadReading.Unusable;
                case HeaderKind.Anonymous:
                    break;
                default:
                    pipelineOnly = true;
                    break;
            }
        }
        if (hosts != 1)
            return TileHeadReading.Unusable;
        head = new TileRequestHead(path, query, ifNoneMatch, end + 4, pipelineOnly);
        return TileHeadReading.Complete;
    }

    private static bool TryReadRequestLine(ReadOnlySpan<byte> line, out bool isHead, out string path, out string? query)
    {
        isHead = false;
        path = "";
        query = null;
        const int VersionLength = 9; // " HTTP/1.1"
        if (line.StartsWith("GET "u8))
            line = line[4..];
        else if (line.StartsWith("HEAD "u8))
        {
            isHead = true;
            line = line[5..];
        }
        else
            return false;
        if (line.Length <= VersionLength || !line[^VersionLength..].SequenceEqual(" HTTP/1.1"u8))
            return false;
        var target = line[..^VersionLength];
        if (target[0] != (byte)'/' || !IsPlainTarget(target))
            return false;
        var question = target.IndexOf((byte)'?');
        var pathBytes = question < 0 ? target : target[..question];
        // Kestrel removes dot segments and keeps empty ones; neither is a tile address, so the pipeline decides.
        if (pathBytes.IndexOf("/."u8) >= 0 || pathBytes.IndexOf("//"u8) >= 0)
            return false;
        path = Encoding.ASCII.GetString(pathBytes);
        query = question < 0 ? null : Encoding.ASCII.GetString(target[question..]);
        return true;
    }

    // Unreserved, sub-delims, ':', '@', '/', '?': what a tile URL and its noise (?123, ?v=2&lang=fr) are made of.
    private static readonly SearchValues<byte> TargetBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?"u8);

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    private static readonly SearchValues<byte> HostBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.:[]"u8);

    private static bool IsPlainTarget(ReadOnlySpan<byte> target) => target.IndexOfAnyExcept(TargetBytes) < 0;

    private static bool IsToken(ReadOnlySpan<byte> name) => name.IndexOfAnyExcept(TokenBytes) < 0;

    private static bool IsHost(ReadOnlySpan<byte> value) => !value.IsEmpty && value.IndexOfAnyExcept(HostBytes) < 0;

    private static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is < 0x20 and not (byte)'\t' or > 0x7E)
                return false;
        }
        return true;
    }

    private enum HeaderKind { Other, Anonymous, Host, IfNoneMatch, Connection, Body }

    // What browsers, map libraries and tile clients send with an anonymous tile request; none of it changes the answer
    // (CORS does not depend on Origin here, and tiles are not compressed again).
    private static readonly string[] AnonymousHeaders =
    [
        "user-agent", "accept", "accept-encoding", "accept-language", "origin", "referer", "cache-control", "pragma",
        "dnt", "priority", "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-user", "sec-fetch-storage-access",
        "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform", "sec-gpc",
    ];

    // Headers that announce a body or a change of protocol: after them, where the next request starts is not plain.
    private static readonly string[] BodyHeaders = ["content-length", "transfer-encoding", "expect", "upgrade", "te", "trailer"];

    private static HeaderKind Classify(ReadOnlySpan<byte> name)
    {
        if (Ascii.EqualsIgnoreCase(name, "host"u8))
            return HeaderKind.Host;
        if (Ascii.EqualsIgnoreCase(name, "if-none-match"u8))
            return HeaderKind.IfNoneMatch;
        if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            return HeaderKind.Connection;
        foreach (var known in AnonymousHeaders)
        {
            if (Ascii.EqualsIgnoreCase(name, known))
                return HeaderKind.Anonymous;
        }
        foreach (var body in BodyHeaders)
        {
            if (Ascii.EqualsIgnoreCase(name, body))
                return HeaderKind.Body;
        }
        return HeaderKind.Other;
    }
}
