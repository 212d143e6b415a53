using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Sources.Tests.PostGis;

/// <summary>
/// Values PostgreSQL refuses (class 22, data exception) are the request's fault: found by the endpoint fuzz, a NUL in
/// a WFS GetFeatureById ID (or any text value) was a 500 "The database rejected the query (22021)"; now it is invalid input.
/// </summary>
public sealed class PostGisDataExceptionTests
{
    [Fact]
    public async Task A_nul_in_a_feature_id_is_invalid_input_not_a_server_failure()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            Sources.PostGis.GetByIdAsync(TestLayers.Parcelles, "05061000AB5\u0000", null, default));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public async Task A_nul_in_a_filter_literal_is_invalid_input_not_a_server_failure()
    {
        var query = new FeatureQuery
        {
            Layer = TestLayers.Parcelles,
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05\u000061")),
        };

        var error = await Assert.ThrowsAsync<ServiceException>(() => Sources.PostGis.CountAsync(query, default));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_filter_literal_is_invalid_input_not_a_server_failure()
    {
        // CQL2-JSON "\ud800" decodes to half a character, which no UTF-8 text (nor the database) can hold.
        var query = new FeatureQuery
        {
            Layer = TestLayers.Parcelles,
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("\ud800")),
        };

        var error = await Assert.ThrowsAsync<ServiceException>(() => Sources.PostGis.CountAsync(query, default));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }
}
