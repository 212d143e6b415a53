namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>FlatGeobuf <c>ColumnType</c> (header.fbs); the values are the schema's.</summary>
public enum FlatGeobufColumnType : byte
{
    Byte = 0,
    UByte = 1,
    Bool = 2,
    Short = 3,
    UShort = 4,
    Int = 5,
    UInt = 6,
    Long = 7,
    ULong = 8,
    Float = 9,
    Double = 10,
    String = 11,
    Json = 12,
    DateTime = 13,
    Binary = 14,
}
