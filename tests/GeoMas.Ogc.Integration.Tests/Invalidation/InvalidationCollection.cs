namespace GeoMas.Ogc.Integration.Tests.Invalidation;

/// <summary>
/// Tests that edit the shared PostGIS data (and restore it) run alone: no other test may count or draw parcels
/// while a parcel is moved, and no other server instance may claim the change notifications they wait for.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InvalidationCollection
{
    public const string Name = "PostGIS data edits";
}
