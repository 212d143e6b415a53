using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>The client closed the connection while its response was being written: nobody is left to answer.</summary>
public sealed class ClientGoneException() : OperationCanceledException("The client closed the connection while the response was being written.")
{
    /// <summary>Whether <paramref name="error"/> means the client left: the request was aborted, or a flush found it gone.</summary>
    public static bool Explains(HttpContext context, Exception error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return error is ClientGoneException || (error is OperationCanceledException && context.RequestAborted.IsCancellationRequested);
    }
}
