using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// The CRSs the server can serve and the transformations between them. Create once (singleton):
/// WKT is parsed in the constructor, transforms are built on first use and cached per (from, to) pair.
/// Thread-safe. All envelopes returned are fresh copies, since NTS envelopes are mutable.
/// </summary>
public sealed class CrsRegistry
{
    /// <summary>Metres per degree on the WGS 84 semi-major axis: the OGC 0.28 mm scale convention (TRAP-3).</summary>
    public const double MetersPerDegree = 2 * Math.PI * 6378137.0 / 360.0;

    // Points per edge when projecting an area of use: enough to catch the bulge of conic parallels.
    private const int AreaDensify = 64;

    private readonly Dictionary<int, CrsDefinition> _definitions;
    private readonly Dictionary<int, CoordinateSystem> _systems;
    private readonly ConcurrentDictionary<(int From, int To), Lazy<CrsTransform>> _transforms = new();
    private readonly ConcurrentDictionary<int, Envelope> _validBounds = new();

    /// <summary>Loads the built-in CRS definitions (see ARCHITECTURE.md "CRS").</summary>
    public CrsRegistry()
    {
        _definitions = CrsDefinitions.All.ToDictionary(d => d.Srid);
        var factory = new CoordinateSystemFactory();
        _systems = _definitions.Values.ToDictionary(d => d.Srid, d => factory.CreateFromWkt(d.Wkt));
        SupportedSrids = [.. _definitions.Keys.Order()];
    }

    /// <summary>EPSG codes of every supported CRS, ascending. CRS84 is 4326.</summary>
    public IReadOnlyList<int> SupportedSrids { get; }

    /// <summary>True when <paramref name="srid"/> can be transformed to and from.</summary>
    public bool IsSupported(int srid) => _definitions.ContainsKey(srid);

    /// <summary>True for lon/lat CRSs (4326, 4171).</summary>
    public bool IsGeographic(int srid) => Definition(srid).IsGeographic;

    /// <summary>Size of one CRS unit in metres: 1 for metric CRSs, <see cref="MetersPerDegree"/> for degrees (TRAP-3).</summary>
    public double MetersPerUnit(int srid) => IsGeographic(srid) ? MetersPerDegree : 1.0;

    /// <summary>EPSG area of use in lon/lat degrees (x = lon, y = lat).</summary>
    public Envelope AreaOfUse(int srid) => new(Definition(srid).AreaOfUse);

    /// <summary>The area of use expressed in the CRS's own x/y units (bbox of the projected area).</summary>
    public Envelope ValidBounds(int srid) =>
        new(_validBounds.GetOrAdd(srid, s => ProjectArea(s, Definition(s).AreaOfUse)));

    /// <summary>The cached transform from <paramref name="fromSrid"/> to <paramref name="toSrid"/>; identity when equal.</summary>
    /// <exception cref="UnsupportedCrsException">One of the CRSs is not supported.</exception>
    public ICrsTransform GetTransform(int fromSrid, int toSrid)
    {
        Definition(fromSrid);
        Definition(toSrid);

        // Lazy: concurrent first requests build the ProjNET pipeline once.
        return _transforms.GetOrAdd((fromSrid, toSrid), key => new Lazy<CrsTransform>(() => CreateTransform(key.From, key.To))).Value;
    }

    /// <summary>The WKT1 definition used by ProjNET.</summary>
    public string Wkt(int srid) => Definition(srid).Wkt;

    /// <summary>EPSG name, e.g. "RGF93 v1 / Lambert-93".</summary>
    public string Name(int srid) => Definition(srid).Name;

    private CrsDefinition Definition(int srid) =>
        _definitions.TryGetValue(srid, out var definition) ? definition : throw new UnsupportedCrsException(srid);

    private CrsTransform CreateTransform(int from, int to)
    {
        var lonLat = Definition(from).AreaOfUse.Intersection(Definition(to).AreaOfUse);
        var domain = lonLat.IsNull || lonLat.Width <= 0 || lonLat.Height <= 0 ? null : ProjectArea(from, lonLat);
        return new CrsTransform(from, to, CreateSteps(from, to), domain);
    }

    private MathTransform[] CreateSteps(int from, int to)
    {
        if (from == to)
        {
            return [];
        }

        if (!Definition(from).NullShiftToWgs84 || !Definition(to).NullShiftToWgs84)
        {
            return [CreateMathTransform(_systems[from], _systems[to])];
        }

        // Null datum shift (EPSG "RGF93 v1 to WGS 84 (1)"): unproject to the source's own lon/lat and
        // project from there, skipping ProjNET's geocentric ellipsoid change.
        var steps = new List<MathTransform>(2);
        if (_systems[from] is ProjectedCoordinateSystem source)
        {
            steps.Add(CreateMathTransform(source, source.GeographicCoordinateSystem));
        }

        if (_systems[to] is ProjectedCoordinateSystem target)
        {
            steps.Add(CreateMathTransform(target.GeographicCoordinateSystem, target));
        }

        return [.. steps];
    }

    // A fresh factory per call: the result shares nothing mutable with other cached transforms.
    private static MathTransform CreateMathTransform(CoordinateSystem from, CoordinateSystem to) =>
        new CoordinateTransformationFactory().CreateFromCoordinateSystems(from, to).MathTransform;

    // Bbox, in srid's units, of a lon/lat rectangle inside srid's area of use. Uses a private math
    // transform (not GetTransform) so building a cached transform never recurses into the cache.
    private Envelope ProjectArea(int srid, Envelope lonLat)
    {
        if (srid == 4326)
        {
            return new Envelope(lonLat);
        }

        var steps = CreateSteps(4326, srid);
        var result = new Envelope();
        for (var i = 0; i <= AreaDensify; i++)
        {
            var t = (double)i / AreaDensify;
            var lon = lonLat.MinX + (t * lonLat.Width);
            var lat = lonLat.MinY + (t * lonLat.Height);
            Include(result, steps, lon, lonLat.MinY);
            Include(result, steps, lon, lonLat.MaxY);
            Include(result, steps, lonLat.MinX, lat);
            Include(result, steps, lonLat.MaxX, lat);
        }

        return result;
    }

    private static void Include(Envelope result, MathTransform[] steps, double x, double y)
    {
        foreach (var step in steps)
        {
            step.Transform(ref x, ref y);
        }

        result.ExpandToInclude(x, y);
    }
}
