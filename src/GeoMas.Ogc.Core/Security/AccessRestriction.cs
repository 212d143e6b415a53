using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// Carried by a layer of a request's scoped catalog view when the caller sees less than the whole layer.
/// <see cref="Territory"/> (native SRID of the layer, null = everywhere) is applied where features are read;
/// <see cref="Scope"/> keys the layer's tiles so they are shared only by callers with exactly this view.
/// </summary>
public sealed record AccessRestriction(string Scope, Geometry? Territory);
