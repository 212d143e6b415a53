namespace GeoMas.Ogc.Server.Protection;

public enum ExportAdmissionResult
{
    Admitted,

    /// <summary>Every slot and queue place taken, or no slot freed in time: 503.</summary>
    Busy,

    /// <summary>This client already has its share running or waiting: 429.</summary>
    ClientLimit,
}

/// <summary>The answer of <see cref="ExportGate.EnterAsync"/>: the lease to dispose when admitted.</summary>
public readonly record struct ExportAdmission(ExportAdmissionResult Result, IDisposable? Lease)
{
    public static ExportAdmission Busy => new(ExportAdmissionResult.Busy, null);
    public static ExportAdmission ClientLimit => new(ExportAdmissionResult.ClientLimit, null);
}
