using System.Buffers.Binary;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>The PNG file signature, and one chunk written: length, type, data, CRC-32 of type and data.</summary>
internal static class PngChunks
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Write(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        type.CopyTo(header[4..]);
        output.Write(header);
        output.Write(data);
        // The CRC covers the type and the data (PNG's CRC-32 is ISO-HDLC's, which System.IO.Hashing vectorises).
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(type);
        crc.Append(data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc.GetCurrentHashAsUInt32());
        output.Write(tail);
    }
}
