using System.Globalization;
using System.Net.Sockets;
using System.Reflection;

namespace GeoMas.Ogc.Server.Http.IoThread;

/// <summary>
/// The runtime's per-socket switch that runs a socket's completions on the socket event thread that saw them, instead
/// of queueing each to the thread pool. The process-wide form is the <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>
/// variable, which would also inline the completions of the database and Redis sockets, and with them whatever code
/// awaits them. The per-socket form is the runtime's experimental <c>Socket.PreferInlineCompletions</c>: internal,
/// kept public to reflection on purpose (a <c>DynamicDependency</c> in System.Net.Sockets), not part of the API. When a
/// runtime no longer has it, <see cref="IsSupported"/> is false and sockets keep the default.
/// </summary>
public static class SocketInlineCompletions
{
    // Set-only on Socket; the value lives on the socket's handle, where it can be read.
    private static readonly Action<Socket, bool>? Setter = Find<Socket>()?.SetMethod?.CreateDelegate<Action<Socket, bool>>();
    private static readonly Func<SafeSocketHandle, bool>? Getter = Find<SafeSocketHandle>()?.GetMethod?.CreateDelegate<Func<SafeSocketHandle, bool>>();

    /// <summary>Whether this runtime has the per-socket switch (Linux and macOS sockets; Windows has no event thread).</summary>
    public static bool IsSupported => Setter is not null;

    /// <summary>Turns the switch on for <paramref name="socket"/>; false when the runtime has no switch.</summary>
    public static bool TryEnable(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (Setter is null)
            return false;
        Setter(socket, true);
        return true;
    }

    /// <summary>The switch's value on <paramref name="socket"/> (false when the runtime has none): for tests and diagnostics.</summary>
    public static bool IsEnabled(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return Getter is not null && Getter(socket.SafeHandle);
    }

    /// <summary>
    /// Asks the runtime for one socket event thread per core, as it does by itself when inline completions are on for
    /// the whole process: with completions inlined, the event threads run the answers, and one of them (the default
    /// below 45 cores) would cap them at one core. Left alone when the operator set
    /// <c>DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT</c>, and without effect once the process has used a socket (the
    /// runtime reads the variable once, at its first socket operation).
    /// </summary>
    public static void UseOneEventThreadPerCore()
    {
        if (IsSupported && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EventThreadCountVariable)))
            Environment.SetEnvironmentVariable(EventThreadCountVariable, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
    }

    private const string EventThreadCountVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    private static PropertyInfo? Find<T>()
    {
        if (OperatingSystem.IsWindows())
            return null;
        var property = typeof(T).GetProperty("PreferInlineCompletions", BindingFlags.Instance | BindingFlags.NonPublic);
        return property?.PropertyType == typeof(bool) ? property : null;
    }
}
