using System.Buffers;
using System.IO.Pipelines;
using GeoMas.Ogc.Protocols.Encoding;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Tests.Encoding;

/// <summary>A streamed response stops as soon as its client is gone, instead of writing the rest of an export to nobody.</summary>
public class ResponseFlushTests
{
    [Fact]
    public async Task A_flush_the_client_takes_goes_on()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync("{"u8.ToArray());

        await ResponseFlush.ToClientAsync(pipe.Writer, CancellationToken.None);

        var read = await pipe.Reader.ReadAsync();
        Assert.Equal(1, read.Buffer.Length);
    }

    [Fact]
    public async Task A_flush_into_a_closed_connection_stops_the_writer()
    {
        // Kestrel completes the response pipe's reader when the connection goes: flushes then report IsCompleted.
        var pipe = new Pipe();
        await pipe.Reader.CompleteAsync();
        pipe.Writer.Write("{\"type\":\"FeatureCollection\""u8);

        await Assert.ThrowsAsync<ClientGoneException>(() => ResponseFlush.ToClientAsync(pipe.Writer, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_cancelled_flush_is_the_request_s_cancellation()
    {
        var pipe = new Pipe();
        pipe.Writer.Write("{"u8);
        pipe.Writer.CancelPendingFlush();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResponseFlush.ToClientAsync(pipe.Writer, CancellationToken.None).AsTask());
        Assert.IsNotType<ClientGoneException>(error);
    }

    [Fact]
    public void The_client_left_when_the_request_was_aborted_or_a_flush_found_it_gone()
    {
        var context = new DefaultHttpContext();
        Assert.True(ClientGoneException.Explains(context, new ClientGoneException()));
        Assert.False(ClientGoneException.Explains(context, new OperationCanceledException()));
        Assert.False(ClientGoneException.Explains(context, new InvalidOperationException()));

        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        context.RequestAborted = aborted.Token;
        Assert.True(ClientGoneException.Explains(context, new OperationCanceledException()));
        Assert.False(ClientGoneException.Explains(context, new InvalidOperationException()));
    }
}
