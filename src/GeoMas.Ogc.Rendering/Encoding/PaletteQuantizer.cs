using System.Runtime.InteropServices;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Reduces an RGBA image to at most 256 colours for 8-bit PNG.
/// Maps with flat fills often have few distinct colours: those are kept exactly. Otherwise a median cut runs over a
/// histogram of 5-5-5-bit RGB + 3-bit alpha cells (2^18 cells), so the cost is one pass over the pixels plus work
/// proportional to the number of distinct cells, not to the image size. Each cell also sums the exact colours of its
/// pixels: palette entries are the mean of the colours their pixels really have (a flat fill keeps its colour), and
/// one round of k-means refinement over the cells moves every entry to the pixels nearest to it. The palette holds as
/// few colours as keep the picture (<see cref="FirstTry"/>, doubled while more than <see cref="FarShareKept"/> of the
/// pixels are far off), up to the most asked for: fewer entries, fewer bytes. No dithering: dithered flat fills look
/// noisy on maps and compress worse.
/// </summary>
internal static class PaletteQuantizer
{
    /// <summary>The palette a quantized image tries first; it doubles from there up to the most colours asked.</summary>
    public const int FirstTry = 64;

    /// <summary>
    /// A palette is kept once at most this share of the pixels is far from its entry (a channel more than
    /// <see cref="FarLevels"/> off), measured on the mean colour of each histogram cell. On 200 busy tiles of the
    /// embedded demo (many PLU fills, thin lines, labels), 64 colours alone left up to 7.7 % of a tile's pixels
    /// far; with this rule the worst was 1.2 %, what 256 colours give. Of 200 W5 bench tiles (dense parcels over
    /// translucent PLU fills), 74 keep 64 colours, 96 take 128 and 30 more.
    /// </summary>
    public const double FarShareKept = 0.002;

    /// <summary>
    /// ... and once the pixels are on average at most this many levels off (the largest channel's): a smooth
    /// gradient is never far from 64 entries, but in 64 steps it bands. Map tiles at 64 colours average 0.4–0.5.
    /// </summary>
    public const double MeanLevelsKept = 2;

    /// <summary>How many levels (of 255) a channel may be off before a pixel counts as far from its entry.</summary>
    public const int FarLevels = 16;

    private const int CellBits = 18;
    private const int CellCount = 1 << CellBits;

    /// <param name="pixels">Premultiplied RGBA, one uint per pixel (R in the lowest byte), row by row.</param>
    public static QuantizedImage Quantize(ReadOnlySpan<uint> pixels, int width, int height, int maxColors = 256)
    {
        if (pixels.Length != width * height)
            throw new ArgumentException("Pixel count does not match the size.", nameof(pixels));
        maxColors = Math.Clamp(maxColors, 2, 256);
        return TryExact(pixels, width, height, maxColors) ?? MedianCut(pixels, width, height, maxColors);
    }

    private static QuantizedImage? TryExact(ReadOnlySpan<uint> pixels, int width, int height, int maxColors)
    {
        var map = new Dictionary<uint, int>();
        var indices = new byte[pixels.Length];
        uint last = 0;
        var lastIndex = -1;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            if (p != last || lastIndex < 0)
            {
                var color = Unpremultiplied.Pixel(p);
                if (!map.TryGetValue(color, out lastIndex))
                {
                    if (map.Count == maxColors)
                        return null;
                    lastIndex = map.Count;
                    map.Add(color, lastIndex);
                }
                last = p;
            }
            indices[i] = (byte)lastIndex;
        }
        var palette = new uint[map.Count];
        foreach (var (color, index) in map)
            palette[index] = color;
        return TranslucentFirst(new QuantizedImage(width, height, palette, indices));
    }

    // Alpha level 7 holds the opaque pixels alone (levels 0–6 the translucent ones): opaque pixels never share a
    // palette entry with translucent ones, so they stay opaque.
    private static int CellOf(uint straight)
    {
        var alpha = straight >> 24;
        var alphaLevel = alpha == 255 ? 7 : alpha * 7 / 255;
        return (int)(((straight >> 3) & 0x1F) | (((straight >> 11) & 0x1F) << 5) | (((straight >> 19) & 0x1F) << 10) | (alphaLevel << 15));
    }

    private const int FirstOpaqueCell = 7 << 15;

    private static bool IsOpaqueCell(int cell) => cell >= FirstOpaqueCell;

    // Per thread, always handed back zeroed: clearing 2^18 counters (1 MB) and scanning them for the few thousand
    // used ones cost more than quantizing a 256×256 tile; only the cells touched are reset.
    [ThreadStatic]
    private static int[]? t_histogram;
    [ThreadStatic]
    private static byte[]? t_lookup;
    [ThreadStatic]
    private static int[]? t_slots;

    private static QuantizedImage MedianCut(ReadOnlySpan<uint> pixels, int width, int height, int maxColors)
    {
        var histogram = t_histogram ??= new int[CellCount];
        var lookup = t_lookup ??= new byte[CellCount];
        var slots = t_slots ??= new int[CellCount];
        var cells = new List<int>();
        try
        {
            var transparent = 0;
            var sums = new CellSums(slots);
            // Runs of one colour (flat fills) are the rule: a run is counted once, when the colour changes.
            uint last = 0, straight = 0;
            var lastCell = -1;
            var run = 0;
            foreach (var p in pixels)
            {
                if ((p >> 24) == 0)
                {
                    transparent++;
                    continue;
                }
                if (p != last || lastCell < 0)
                {
                    if (run > 0)
                        Count(lastCell, straight, run);
                    last = p;
                    straight = Unpremultiplied.Pixel(p);
                    lastCell = CellOf(straight);
                    run = 0;
                }
                run++;
            }
            if (run > 0)
                Count(lastCell, straight, run);

            void Count(int cell, uint color, int pixelCount)
            {
                if (histogram[cell] == 0)
                {
                    slots[cell] = cells.Count;
                    cells.Add(cell);
                }
                histogram[cell] += pixelCount;
                sums.Add(slots[cell], color, pixelCount);
            }
            var cellArray = cells.ToArray();

            // As few colours as keep the picture: from FirstTry, doubling up to maxColors while too many pixels
            // stay far from their entry (a busy low-zoom map of many fills and thin lines needs more).
            var reserved = transparent > 0 ? 1 : 0;
            var colours = Math.Min(FirstTry, maxColors);
            uint[] palette;
            while (true)
            {
                // Each try starts from ascending cell order, as a scan of the whole histogram would give: the splits
                // do not depend on the order colours appear in the image (and Split regroups the cells in place).
                Array.Sort(cellArray);
                palette = MedianCutPalette(cellArray, histogram, sums, lookup, colours - reserved, reserved);
                // Median cut alone leaves the entries of antialiased edges coarse; one round of refinement brings the
                // rarest pixels 30 % nearer (99.9th percentile error on the W5 tiles at 64 colours: 19 → 14 levels)
                // for 1 % more quantizing time at 64 colours, 15–20 % at 128–256. More rounds gained under 1 level each.
                sums.Refine(cellArray, palette, reserved, lookup);
                if (colours >= maxColors || sums.KeepsThePicture(cellArray, palette, lookup))
                    break;
                colours = Math.Min(colours * 2, maxColors);
            }

            var indices = new byte[pixels.Length];
            last = 0;
            byte lastIndex = 0;
            var known = false;
            for (var i = 0; i < pixels.Length; i++)
            {
                var p = pixels[i];
                if (!known || p != last)
                {
                    last = p;
                    lastIndex = (p >> 24) == 0 ? (byte)0 : lookup[CellOf(Unpremultiplied.Pixel(p))];
                    known = true;
                }
                indices[i] = lastIndex;
            }
            return TranslucentFirst(new QuantizedImage(width, height, palette, indices));
        }
        finally
        {
            foreach (var cell in cells)
                histogram[cell] = 0;
        }
    }

    /// <summary>The entries of a median cut into <paramref name="boxes"/> boxes (after <paramref name="reserved"/>), each cell's entry in <paramref name="lookup"/>.</summary>
    private static uint[] MedianCutPalette(int[] cells, int[] histogram, CellSums sums, byte[] lookup, int boxes, int reserved)
    {
        var cut = Split(cells, histogram, boxes);
        var palette = new uint[cut.Count + reserved];
        for (var b = 0; b < cut.Count; b++)
        {
            var (start, end) = cut[b];
            palette[b + reserved] = sums.Average(cells.AsSpan(start, end - start));
            for (var i = start; i < end; i++)
                lookup[cells[i]] = (byte)(b + reserved);
        }
        return palette;
    }

    // Channel value of a cell on a common 0..31 scale (alpha has 3 bits, stretched so it competes fairly).
    private static int Channel(int cell, int channel) => channel switch
    {
        0 => cell & 0x1F,
        1 => (cell >> 5) & 0x1F,
        2 => (cell >> 10) & 0x1F,
        _ => ((cell >> 15) & 0x7) * 31 / 7,
    };

    /// <summary>
    /// Median cut: repeatedly halves the box with the largest population × extent along its widest channel, at the
    /// channel level where half its pixels lie on each side. A channel has 32 levels, so a box is split by counting
    /// its cells per level and regrouping them (linear in the box), not by sorting it.
    /// </summary>
    private static List<(int Start, int End)> Split(int[] cells, int[] histogram, int maxBoxes)
    {
        var boxes = new List<(int Start, int End)>();
        var stats = new List<(int Channel, int Range, long Population)>();
        if (cells.Length == 0)
            return boxes;
        // Translucent and opaque cells start in boxes of their own (the sorted cells hold the translucent ones first):
        // no split mixes them, so no entry averages an opaque pixel with a translucent one. A single-entry palette
        // cannot keep them apart.
        var firstOpaque = 0;
        while (firstOpaque < cells.Length && !IsOpaqueCell(cells[firstOpaque]))
            firstOpaque++;
        if (firstOpaque > 0 && firstOpaque < cells.Length && maxBoxes >= 2)
        {
            boxes.Add((0, firstOpaque));
            stats.Add(Widest(cells.AsSpan(0, firstOpaque), histogram));
            boxes.Add((firstOpaque, cells.Length));
            stats.Add(Widest(cells.AsSpan(firstOpaque), histogram));
        }
        else
        {
            boxes.Add((0, cells.Length));
            stats.Add(Widest(cells, histogram));
        }
        var scratch = new int[cells.Length];
        Span<long> population = stackalloc long[32];
        Span<int> counts = stackalloc int[32];
        Span<int> next = stackalloc int[32];
        while (boxes.Count < maxBoxes)
        {
            var best = -1;
            long bestScore = 0;
            for (var b = 0; b < boxes.Count; b++)
            {
                var (_, range, boxPopulation) = stats[b];
                var score = boxPopulation * range;
                if (range > 0 && boxes[b].End - boxes[b].Start > 1 && score > bestScore)
                {
                    bestScore = score;
                    best = b;
                }
            }
            if (best < 0)
                break;

            var (s, e) = boxes[best];
            var channel = stats[best].Channel;
            var slice = cells.AsSpan(s, e - s);
            population.Clear();
            counts.Clear();
            int low = 31, high = 0;
            foreach (var cell in slice)
            {
                var level = Channel(cell, channel);
                population[level] += histogram[cell];
                counts[level]++;
                low = Math.Min(low, level);
                high = Math.Max(high, level);
            }
            // The first level where half the pixels are reached, kept below the highest so both halves hold cells.
            long total = stats[best].Population, accumulated = 0;
            var cutLevel = low;
            for (var level = low; level < high; level++)
            {
                cutLevel = level;
                accumulated += population[level];
                if (accumulated * 2 >= total)
                    break;
            }
            // Regroup the cells level by level (stable), so each half is a contiguous run.
            var offset = 0;
            for (var level = 0; level < 32; level++)
            {
                next[level] = offset;
                offset += counts[level];
            }
            var regrouped = scratch.AsSpan(0, slice.Length);
            foreach (var cell in slice)
                regrouped[next[Channel(cell, channel)]++] = cell;
            regrouped.CopyTo(slice);
            var cut = 0;
            for (var level = 0; level <= cutLevel; level++)
                cut += counts[level];

            boxes[best] = (s, s + cut);
            stats[best] = Widest(cells.AsSpan(s, cut), histogram);
            boxes.Add((s + cut, e));
            stats.Add(Widest(cells.AsSpan(s + cut, e - s - cut), histogram));
        }
        return boxes;
    }

    private static (int Channel, int Range, long Population) Widest(ReadOnlySpan<int> cells, int[] histogram)
    {
        Span<int> min = [31, 31, 31, 31];
        Span<int> max = [0, 0, 0, 0];
        long population = 0;
        foreach (var cell in cells)
        {
            population += histogram[cell];
            for (var ch = 0; ch < 4; ch++)
            {
                var v = Channel(cell, ch);
                if (v < min[ch]) min[ch] = v;
                if (v > max[ch]) max[ch] = v;
            }
        }
        var best = 0;
        for (var ch = 1; ch < 4; ch++)
            if (max[ch] - min[ch] > max[best] - min[best])
                best = ch;
        return (best, max[best] - min[best], population);
    }

    /// <summary>
    /// The exact colours counted in each cell (channel sums by slot): a box's palette entry is the mean of the colours
    /// its pixels have, not of its cells' centres, so a flat fill keeps its exact colour.
    /// </summary>
    private sealed class CellSums(int[] slots)
    {
        private long[] _sums = new long[4 * 256];
        private long[] _counts = new long[256];
        private int _slotCount;
        private uint[]? _means;

        public void Add(int slot, uint color, int count)
        {
            if (slot >= _counts.Length)
            {
                Array.Resize(ref _counts, _counts.Length * 2);
                Array.Resize(ref _sums, _sums.Length * 2);
            }
            var at = slot * 4;
            _sums[at] += (color & 0xFF) * (long)count;
            _sums[at + 1] += ((color >> 8) & 0xFF) * (long)count;
            _sums[at + 2] += ((color >> 16) & 0xFF) * (long)count;
            _sums[at + 3] += (color >> 24) * (long)count;
            _counts[slot] += count;
            _slotCount = Math.Max(_slotCount, slot + 1);
        }

        /// <summary>The mean colour of a cell's pixels: worked out once, after counting, for every palette tried.</summary>
        private uint MeanOf(int slot)
        {
            if (_means is null)
            {
                _means = new uint[_slotCount];
                for (var s = 0; s < _slotCount; s++)
                    _means[s] = MeanColour(_sums[s * 4], _sums[(s * 4) + 1], _sums[(s * 4) + 2], _sums[(s * 4) + 3], _counts[s]);
            }
            return _means[slot];
        }

        public uint Average(ReadOnlySpan<int> cells)
        {
            long r = 0, g = 0, b = 0, a = 0, n = 0;
            foreach (var cell in cells)
            {
                var slot = slots[cell];
                var at = slot * 4;
                r += _sums[at];
                g += _sums[at + 1];
                b += _sums[at + 2];
                a += _sums[at + 3];
                n += _counts[slot];
            }
            return MeanColour(r, g, b, a, n);
        }

        /// <summary>
        /// One round of Lloyd's refinement (k-means over the cells, weighted by their pixels): every cell moves to the
        /// nearest entry, then every entry to the mean colour of its pixels.
        /// </summary>
        public void Refine(int[] cells, uint[] palette, int reserved, byte[] lookup)
        {
            var entries = palette.Length - reserved;
            var sums = new long[entries * 4];
            var counts = new long[entries];
            foreach (var cell in cells)
            {
                var slot = slots[cell];
                var at = slot * 4;
                var n = _counts[slot];
                var mean = MeanOf(slot);
                long r = mean & 0xFF, g = (mean >> 8) & 0xFF, b = (mean >> 16) & 0xFF, a = mean >> 24;
                var best = -1;
                var bestDistance = long.MaxValue;
                var opaque = IsOpaqueCell(cell);
                for (var e = 0; e < entries; e++)
                {
                    var c = palette[e + reserved];
                    if ((c >> 24 == 255) != opaque)
                        continue; // opaque pixels stay opaque, translucent ones translucent
                    // Partial sums: an entry already as far as the best on a channel or two cannot win.
                    long dr = r - (c & 0xFF);
                    var distance = dr * dr;
                    if (distance >= bestDistance)
                        continue;
                    long dg = g - ((c >> 8) & 0xFF);
                    distance += dg * dg;
                    if (distance >= bestDistance)
                        continue;
                    long db = b - ((c >> 16) & 0xFF);
                    distance += db * db;
                    if (distance >= bestDistance)
                        continue;
                    long da = a - (c >> 24);
                    distance += da * da;
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = e;
                    }
                }
                if (best < 0)
                    best = lookup[cell] - reserved; // no entry of its kind (a single-entry palette): it keeps its box's
                lookup[cell] = (byte)(best + reserved);
                sums[best * 4] += _sums[at];
                sums[(best * 4) + 1] += _sums[at + 1];
                sums[(best * 4) + 2] += _sums[at + 2];
                sums[(best * 4) + 3] += _sums[at + 3];
                counts[best] += n;
            }
            for (var e = 0; e < entries; e++)
            {
                if (counts[e] > 0)
                    palette[e + reserved] = MeanColour(sums[e * 4], sums[(e * 4) + 1], sums[(e * 4) + 2], sums[(e * 4) + 3], counts[e]);
            }
        }

        /// <summary>
        /// Whether the (not fully transparent) pixels are near their entries: at most <see cref="FarShareKept"/> of
        /// them far, <see cref="MeanLevelsKept"/> off on average, each judged by its cell's mean colour as it shows
        /// once composited (<see cref="VisibleError"/>).
        /// </summary>
        public bool KeepsThePicture(int[] cells, uint[] palette, byte[] lookup)
        {
            long far = 0, total = 0, levels = 0;
            foreach (var cell in cells)
            {
                var slot = slots[cell];
                var n = _counts[slot];
                var off = VisibleError(MeanOf(slot), palette[lookup[cell]]);
                total += n;
                levels += off * n;
                if (off > FarLevels)
                    far += n;
            }
            return total == 0 || (far <= FarShareKept * total && levels <= MeanLevelsKept * total);
        }

        /// <summary>
        /// The most levels a pixel of colour <paramref name="actual"/> drawn as <paramref name="entry"/> can be off once
        /// composited, over any background: over black the premultiplied difference shows, over white that minus the
        /// alpha difference. A translucent pixel's colour matters in proportion to its alpha; an opaque one's fully.
        /// </summary>
        private static int VisibleError(uint actual, uint entry)
        {
            double alphaActual = (actual >> 24) / 255.0, alphaEntry = (entry >> 24) / 255.0;
            var alphaShift = 255 * (alphaActual - alphaEntry);
            double worst = 0;
            for (var shift = 0; shift < 24; shift += 8)
            {
                var overBlack = (((actual >> shift) & 0xFF) * alphaActual) - (((entry >> shift) & 0xFF) * alphaEntry);
                worst = Math.Max(worst, Math.Max(Math.Abs(overBlack), Math.Abs(overBlack - alphaShift)));
            }
            return (int)Math.Round(worst);
        }

        /// <summary>The colour of channel sums over <paramref name="n"/> pixels, each channel rounded to the nearest level.</summary>
        private static uint MeanColour(long r, long g, long b, long a, long n)
        {
            uint Mean(long sum) => (uint)((sum + (n / 2)) / n);
            return Mean(r) | (Mean(g) << 8) | (Mean(b) << 16) | (Mean(a) << 24);
        }
    }

    /// <summary>Reorders the palette so non-opaque entries come first (short tRNS chunk).</summary>
    private static QuantizedImage TranslucentFirst(QuantizedImage image)
    {
        var palette = image.Palette;
        var order = new int[palette.Length];
        var k = 0;
        for (var i = 0; i < palette.Length; i++)
            if ((palette[i] >> 24) != 255)
                order[k++] = i;
        var translucent = k;
        for (var i = 0; i < palette.Length; i++)
            if ((palette[i] >> 24) == 255)
                order[k++] = i;
        if (translucent == 0 || IsIdentity(order))
            return image;

        Span<byte> remap = stackalloc byte[256];
        var sorted = new uint[palette.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = palette[order[i]];
            remap[order[i]] = (byte)i;
        }
        var indices = image.Indices;
        for (var i = 0; i < indices.Length; i++)
            indices[i] = remap[indices[i]];
        return image with { Palette = sorted };
    }

    private static bool IsIdentity(int[] order)
    {
        for (var i = 0; i < order.Length; i++)
            if (order[i] != i)
                return false;
        return true;
    }

    /// <summary>Views a byte buffer of RGBA pixels as packed uints (little-endian hosts, which is all .NET runs on here).</summary>
    public static ReadOnlySpan<uint> AsPixels(ReadOnlySpan<byte> rgba) => MemoryMarshal.Cast<byte, uint>(rgba);
}
