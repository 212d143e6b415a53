namespace GeoMas.Ogc.Sources.Remote.Wmts;

/// <summary>Chooses the upstream tile matrix for a wanted resolution.</summary>
public static class WmtsMatrixSelector
{
    /// <summary>
    /// The coarsest matrix whose resolution is at least as fine as <paramref name="resolution"/> (never coarser
    /// than needed while a finer one exists: resampling down keeps detail, up would blur); the finest matrix when
    /// the request is finer than all of them. <paramref name="matrices"/> are ordered coarsest first.
    /// </summary>
    public static int Select(IReadOnlyList<WmtsUpstreamMatrix> matrices, double resolution)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        if (matrices.Count == 0)
            throw new ArgumentException("No tile matrix to choose from.", nameof(matrices));
        // A relative tolerance so that a request at exactly a matrix resolution (up to float noise) picks it.
        var limit = resolution * (1 + 1e-6);
        for (var i = 0; i < matrices.Count; i++)
        {
            if (matrices[i].Resolution <= limit)
                return i;
        }
        return matrices.Count - 1;
    }
}
