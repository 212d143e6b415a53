namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>What one case got back: the status (0 when no answer came), the body's start, and what was wrong with it.</summary>
public sealed record FuzzOutcome(int Index, FuzzRequest Request, int Status, string? ContentType, string BodyStart, string? Problem, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"#{Index} {Status} {Problem} ({Elapsed.TotalMilliseconds:F0} ms) {Request.Describe()}\n    -> {ContentType} {BodyStart}";
}
