namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// Thrown when a CRS is not in the <see cref="CrsRegistry"/>. Protocol layers map it to their
/// "InvalidCRS" / "InvalidParameterValue" / 400 answers; check <see cref="CrsRegistry.IsSupported"/> to avoid it.
/// </summary>
public sealed class UnsupportedCrsException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="srid"/>.</summary>
    public UnsupportedCrsException(int srid)
        : base($"EPSG:{srid.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a supported CRS.")
    {
        Srid = srid;
    }

    /// <summary>The EPSG code that was asked for.</summary>
    public int Srid { get; }
}
