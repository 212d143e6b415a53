namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// The distinct clients of one application on one UTC day, as HyperLogLog registers (<see cref="HyperLogLog"/>):
/// a store merges a sketch into the one it holds by taking the larger register, so writing the same sketch twice,
/// or sketches of several instances, never counts a client twice.
/// </summary>
public sealed record ClientSketch(DateOnly Day, string Application, byte[] Registers);
