namespace GeoMas.Ogc.Core.Styling;

/// <summary>Reads a style file (SLD 1.0 / SE 1.1) into named styles. Errors carry the file and line.</summary>
public interface IStyleReader
{
    /// <summary>All UserStyles of the file, in document order.</summary>
    IReadOnlyList<Style> Read(string path);
}
