using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>
/// Writes one size-prefixed FlatBuffers buffer front to back (the FlatGeobuf header, or one feature). FlatBuffers
/// references are unsigned offsets that point forward, so a parent (table or vector) is written first with empty
/// reference slots, and each child is written after it, pointing its slot at itself (<see cref="Point"/>).
/// Vtables sit just before their table (the table's signed offset reaches back). Every scalar is aligned to its
/// size counted from the start of the buffer (the size prefix), as the FlatBuffers verifier in GDAL checks.
/// Little-endian only (checked at construction): the vectors are copied as memory.
/// </summary>
internal sealed class FlatBufferWriter
{
    private byte[] _buffer = new byte[4096];

    public FlatBufferWriter()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("FlatBuffers are little-endian; this writer copies memory as is.");
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Starts a buffer: the size prefix and the root table's offset slot (returned).</summary>
    public int Begin()
    {
        Length = 0;
        Grow(4);
        return ReserveSlot();
    }

    /// <summary>Writes the size prefix (bytes after it) and returns the whole buffer.</summary>
    public ReadOnlySpan<byte> End()
    {
        Align(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)(Length - 4));
        return Written;
    }

    /// <summary>
    /// Writes a vtable and its table, pointing <paramref name="slot"/> at the table; returns the absolute position of each field (same order as
    /// <paramref name="fields"/>) so reference slots can be pointed later. Fields are laid widest first.
    /// </summary>
    public int[] WriteTable(int slot, ReadOnlySpan<FlatField> fields)
    {
        var offsets = new int[fields.Length];
        var cursor = 4; // the table starts with its soffset to the vtable
        var maxIndex = -1;
        foreach (var size in (ReadOnlySpan<byte>)[8, 4, 2, 1])
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Size != size)
                    continue;
                cursor = (cursor + size - 1) / size * size;
                offsets[i] = cursor;
                cursor += size;
                maxIndex = Math.Max(maxIndex, fields[i].Index);
            }
        }
        var tableSize = cursor;

        Align(2);
        var vtable = Length;
        var vtableSize = 4 + 2 * (maxIndex + 1);
        var vtableSpan = Grow(vtableSize);
        vtableSpan.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(vtableSpan, (ushort)vtableSize);
        BinaryPrimitives.WriteUInt16LittleEndian(vtableSpan[2..], (ushort)tableSize);
        for (var i = 0; i < fields.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(vtableSpan[(4 + 2 * fields[i].Index)..], (ushort)offsets[i]);

        Align(8);
        Point(slot);
        var table = Length;
        var tableSpan = Grow(tableSize);
        tableSpan.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(tableSpan, table - vtable);
        for (var i = 0; i < fields.Length; i++)
        {
            var at = tableSpan[offsets[i]..];
            switch (fields[i].Size)
            {
                case 1: at[0] = (byte)fields[i].Bits; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)fields[i].Bits); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)fields[i].Bits); break;
                default: BinaryPrimitives.WriteUInt64LittleEndian(at, fields[i].Bits); break;
            }
            offsets[i] += table;
        }
        return offsets;
    }

    /// <summary>A null-terminated UTF-8 string pointed to by <paramref name="slot"/>.</summary>
    public void WriteString(int slot, string value)
    {
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        Align(4);
        Point(slot);
        var span = Grow(4 + byteCount + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)byteCount);
        System.Text.Encoding.UTF8.GetBytes(value, span[4..]);
        span[^1] = 0;
    }

    /// <summary>A vector of scalars pointed to by <paramref name="slot"/>, its elements aligned to their size.</summary>
    public void WriteVector<T>(int slot, ReadOnlySpan<T> items) where T : unmanaged
    {
        var elementSize = Marshal.SizeOf<T>();
        // The length (4 bytes) comes right before the first element, which must be aligned to its own size.
        Align(4);
        while ((Length + 4) % Math.Max(elementSize, 4) != 0)
            Grow(4).Clear();
        Point(slot);
        var bytes = MemoryMarshal.AsBytes(items);
        var span = Grow(4 + bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)items.Length);
        bytes.CopyTo(span[4..]);
    }

    /// <summary>A vector of <paramref name="count"/> references (tables written after it); returns their slots.</summary>
    public int[] WriteReferenceVector(int slot, int count)
    {
        Align(4);
        Point(slot);
        var span = Grow(4 + 4 * count);
        span.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)count);
        var slots = new int[count];
        for (var i = 0; i < count; i++)
            slots[i] = Length - 4 * count + 4 * i;
        return slots;
    }

    /// <summary>Points a reference slot at the current position (the child about to be written).</summary>
    public void Point(int slot) => BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(slot), (uint)(Length - slot));

    /// <summary>Prepares the next object: tables call this through <see cref="WriteTable"/> themselves.</summary>
    public void Align(int alignment)
    {
        var pad = (alignment - Length % alignment) % alignment;
        Grow(pad).Clear();
    }

    private int ReserveSlot()
    {
        Align(4);
        var at = Length;
        Grow(4).Clear();
        return at;
    }

    private Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
