namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>
/// One field of a FlatBuffers table as <see cref="FlatBufferWriter.WriteTable"/> lays it out: its index in the
/// schema, its inline size (1, 2, 4 or 8 bytes) and either a scalar value (little-endian bits) or a reference
/// (a 4-byte offset to a string, vector or table written later).
/// </summary>
internal readonly record struct FlatField(ushort Index, byte Size, ulong Bits, bool IsReference)
{
    public static FlatField Reference(ushort index) => new(index, 4, 0, IsReference: true);
    public static FlatField UInt8(ushort index, byte value) => new(index, 1, value, IsReference: false);
    public static FlatField UInt16(ushort index, ushort value) => new(index, 2, value, IsReference: false);
    public static FlatField Int32(ushort index, int value) => new(index, 4, unchecked((uint)value), IsReference: false);
    public static FlatField UInt64(ushort index, ulong value) => new(index, 8, value, IsReference: false);
}
