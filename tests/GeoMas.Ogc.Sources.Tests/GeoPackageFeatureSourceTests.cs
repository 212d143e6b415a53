using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>The contract against config/demo/geomas-demo.gpkg.</summary>
public sealed class GeoPackageFeatureSourceTests : FeatureSourceContractTests
{
    protected override IFeatureSource Source => Sources.GeoPackage;
}
