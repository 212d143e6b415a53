using GeoMas.Ogc.Sources.PostGis.ChangeTracking;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.PostGis.ChangeTracking;

public class ChangeNotificationTests
{
    [Fact]
    public void Reads_a_bbox_payload_as_written_by_the_trigger()
    {
        var change = ChangeNotification.Parse("main",
            """{"id" : "b7fc", "schema" : "geomas", "table" : "parcelles", "op" : "UPDATE", "bbox" : [940000.5, 6390000, 941000, 6391000.25]}""");

        Assert.NotNull(change);
        Assert.Equal(("main", "geomas", "parcelles", "b7fc"), (change.SourceId, change.Schema, change.Table, change.Id));
        Assert.Equal(new Envelope(940000.5, 941000, 6390000, 6391000.25), change.Bounds);
        Assert.False(change.IsWholeTable);
    }

    [Fact]
    public void Reads_a_truncate_payload_as_the_whole_table()
    {
        var change = ChangeNotification.Parse("main", """{"id":"x","schema":"geomas","table":"parcelles","op":"TRUNCATE","all":true}""");

        Assert.NotNull(change);
        Assert.True(change.IsWholeTable);
        Assert.False(change.IsWholeSource);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"table":"parcelles","bbox":[0,0,1,1]}""")]
    [InlineData("""{"schema":"geomas","table":"parcelles"}""")]
    [InlineData("""{"schema":"geomas","table":"parcelles","bbox":[0,0,1]}""")]
    [InlineData("""{"schema":"geomas","table":"parcelles","bbox":[2,0,1,1]}""")]
    [InlineData("""{"schema":"geomas","table":"parcelles","bbox":["a",0,1,1]}""")]
    public void Ignores_payloads_that_are_not_ours(string payload) =>
        Assert.Null(ChangeNotification.Parse("main", payload));

    [Fact]
    public void Format_round_trips()
    {
        var bounds = new Envelope(1.5, 2.5, -3, 4);

        var change = ChangeNotification.Parse("s", ChangeNotification.Format("a", "b", bounds, "id1"));
        var whole = ChangeNotification.Parse("s", ChangeNotification.Format("a", "b", null, "id2"));

        Assert.Equal(bounds, change!.Bounds);
        Assert.Equal("id1", change.Id);
        Assert.True(whole!.IsWholeTable);
    }
}
