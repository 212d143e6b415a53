using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Sources.Tests.PostGis.ChangeTracking;

/// <summary>Keeps log lines so that a failing assertion can show what the listener did.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

    public override string ToString() => string.Join("\n", Lines);
}
