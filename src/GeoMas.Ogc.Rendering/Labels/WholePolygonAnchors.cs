using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Remembers the visual centre of whole polygons at a scale, across renders. In tiles the anchor of a large polygon
/// (a PLU zone, a commune) depends on the polygon and the scale only, and every metatile that sees the polygon
/// needs it: at street zooms one zone spans dozens of metatiles, and the search was most of a label placement.
/// </summary>
/// <remarks>
/// A pure memo: the key holds everything the result depends on — every coordinate (through a 64-bit hash, with the
/// vertex count and envelope beside it), the pixel scale and the precision — so an edited polygon is a new key and
/// nothing can be stale. Bounded by entries; when full it starts over (a few hundred large polygons per zoom are
/// what a dataset like ours holds).
/// </remarks>
internal static class WholePolygonAnchors
{
    private const int Capacity = 50_000;
    private static readonly ConcurrentDictionary<Key, SKPoint?> Memo = new();
    private static int _count;

    /// <summary>The anchor from <paramref name="find"/>, computed once per polygon, scale and precision.</summary>
    public static SKPoint? GetOrFind(Geometry polygon, double scaleX, double scaleY, float precision, Func<SKPoint?> find)
    {
        var key = new Key(Hash(polygon), polygon.NumPoints, polygon.EnvelopeInternal.MinX, polygon.EnvelopeInternal.MaxY, scaleX, scaleY, precision);
        if (Memo.TryGetValue(key, out var known))
            return known;
        var found = find();
        // Counted here: ConcurrentDictionary.Count takes every lock of the table, and concurrent renders contended on it.
        if (Volatile.Read(ref _count) >= Capacity)
        {
            Memo.Clear();
            Volatile.Write(ref _count, 0);
        }
        if (Memo.TryAdd(key, found))
            Interlocked.Increment(ref _count);
        return found;
    }

    // FNV-1a over the bits of every ordinate: far cheaper than the search it saves (which visits each edge per cell).
    private static ulong Hash(Geometry polygon)
    {
        var hasher = new OrdinateHasher();
        polygon.Apply(hasher);
        return hasher.Hash;
    }

    private sealed class OrdinateHasher : IEntireCoordinateSequenceFilter
    {
        public ulong Hash { get; private set; } = 14695981039346656037UL;

        public bool Done => false;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq)
        {
            var hash = Hash;
            for (var i = 0; i < seq.Count; i++)
            {
                hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(seq.GetX(i))) * 1099511628211UL;
                hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(seq.GetY(i))) * 1099511628211UL;
            }
            Hash = hash;
        }
    }

    private readonly record struct Key(ulong Hash, int Points, double MinX, double MaxY, double ScaleX, double ScaleY, float Precision);
}
