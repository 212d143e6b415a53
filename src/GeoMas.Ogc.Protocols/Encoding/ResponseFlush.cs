using System.IO.Pipelines;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>The flush of a streamed response (features, exports), which also tells the writer when to stop.</summary>
public static class ResponseFlush
{
    /// <summary>
    /// Flushes what was written to the client. Throws when the request was cancelled, and when the client is gone:
    /// Kestrel then completes the response pipe at once (every later write is dropped), a little before it cancels
    /// the request, so a writer that went on would read the rest of an export from the database for nobody.
    /// </summary>
    public static async ValueTask ToClientAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCanceled)
            throw new OperationCanceledException(cancellationToken);
        if (result.IsCompleted)
            throw new ClientGoneException();
    }
}
