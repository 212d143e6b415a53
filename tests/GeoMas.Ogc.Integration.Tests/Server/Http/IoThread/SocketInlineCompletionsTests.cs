using System.Globalization;
using System.Net.Sockets;
using GeoMas.Ogc.Server.Http.IoThread;

namespace GeoMas.Ogc.Integration.Tests.Server.Http.IoThread;

/// <summary>
/// The runtime's per-socket inline completions, reached by reflection: present on this runtime (a new runtime without
/// them fails here, not silently in the benchmarks), off by default, on once enabled.
/// </summary>
public sealed class SocketInlineCompletionsTests
{
    [Fact]
    public void The_runtime_has_the_switch_and_it_turns_on_for_one_socket()
    {
        Assert.True(SocketInlineCompletions.IsSupported);
        using var enabled = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.False(SocketInlineCompletions.IsEnabled(enabled));

        Assert.True(SocketInlineCompletions.TryEnable(enabled));

        Assert.True(SocketInlineCompletions.IsEnabled(enabled));
        Assert.False(SocketInlineCompletions.IsEnabled(other));
    }

    [Fact]
    public void One_event_thread_per_core_is_asked_for_unless_the_operator_chose_a_number()
    {
        const string variable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";
        var before = Environment.GetEnvironmentVariable(variable);
        try
        {
            Environment.SetEnvironmentVariable(variable, null);
            SocketInlineCompletions.UseOneEventThreadPerCore();
            Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), Environment.GetEnvironmentVariable(variable));

            Environment.SetEnvironmentVariable(variable, "7");
            SocketInlineCompletions.UseOneEventThreadPerCore();
            Assert.Equal("7", Environment.GetEnvironmentVariable(variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
