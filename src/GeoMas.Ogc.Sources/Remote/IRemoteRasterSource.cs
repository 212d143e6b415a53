using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>What the capabilities refresher and readiness checks see of a cascaded source.</summary>
public interface IRemoteRasterSource
{
    string SourceId { get; }
    RemoteSourceDefinition Remote { get; }

    /// <summary>True once capabilities were read (the source can serve).</summary>
    bool IsReady { get; }

    /// <summary>Why the last capabilities read failed; null after a success.</summary>
    string? LastError { get; }

    /// <summary>Reads the upstream capabilities; false (and <see cref="LastError"/> set) when that failed.</summary>
    Task<bool> RefreshCapabilitiesAsync(CancellationToken cancellationToken);
}
