namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>One line of Goldens/cases.txt: a name and the GetMap query it renders.</summary>
public sealed record GoldenCase(string Name, string Query)
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "GeoMas.Ogc.Integration.Tests", "Goldens");

    /// <summary>Where failures leave the actual rendering and the diff (tests/out is ignored by git).</summary>
    public static string OutFolder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "out", "goldens");

    public string ExpectedPath => Path.Combine(Folder, "expected", Name + ".png");

    public string Url => "/wms?" + Query;

    public static IReadOnlyList<GoldenCase> All { get; } = File.ReadLines(Path.Combine(Folder, "cases.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t') is [var name, var query] ? new GoldenCase(name, query) : throw new FormatException("cases.txt: " + line))
        .ToArray();

    /// <summary>xunit rows: the case names (readable test names, looked up again by <see cref="Named"/>).</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All)
                data.Add(c.Name);
            return data;
        }
    }

    public static GoldenCase Named(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;
}
