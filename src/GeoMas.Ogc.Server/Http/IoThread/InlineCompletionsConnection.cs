using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace GeoMas.Ogc.Server.Http.IoThread;

/// <summary>
/// Kestrel connection middleware that turns on inline completions (<see cref="SocketInlineCompletions"/>) for the
/// connection's socket: with Kestrel's inline scheduling, a request then goes from the socket's event thread to the
/// response without a hand-over to the thread pool. <see cref="IoThreadHandOff"/> keeps everything but the cached-tile
/// fast path off that thread.
/// </summary>
public static class InlineCompletionsConnection
{
    public static ConnectionDelegate Middleware(ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return connection =>
        {
            if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
                SocketInlineCompletions.TryEnable(socket);
            return next(connection);
        };
    }
}
