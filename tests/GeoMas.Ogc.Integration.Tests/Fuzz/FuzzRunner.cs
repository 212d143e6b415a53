using System.Diagnostics;
using System.Text;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// Sends fuzz cases a few at a time, each with its own time limit, reads every answer whole (a body cut off midway is
/// a failure too) and judges it: no 5xx, no hang, no dropped connection, 4xx bodies in the protocol's form.
/// </summary>
public sealed class FuzzRunner(HttpClient client, TimeSpan timeout, int parallelism)
{
    /// <summary>Successful bodies are read up to this size, then dropped (downloads of a whole layer are not the point).</summary>
    private const int MaxBodyBytes = 8 << 20;

    public async Task<IReadOnlyList<FuzzOutcome>> RunAsync(IEnumerable<(int Index, FuzzRequest Request)> cases)
    {
        var outcomes = new List<FuzzOutcome>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
        {
            var outcome = await SendAsync(item.Index, item.Request);
            lock (outcomes)
                outcomes.Add(outcome);
        });
        outcomes.Sort((a, b) => a.Index.CompareTo(b.Index));
        return outcomes;
    }

    public async Task<FuzzOutcome> SendAsync(int index, FuzzRequest request)
    {
        var clock = Stopwatch.StartNew();
        HttpRequestMessage message;
        try
        {
            message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(client.BaseAddress!, request.PathAndQuery));
            foreach (var (name, value) in request.Headers)
                message.Headers.TryAddWithoutValidation(name, value);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (!string.IsNullOrEmpty(request.ContentType))
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        catch (UriFormatException error)
        {
            // The client library cannot even express this URL: no server will ever see it.
            return new FuzzOutcome(index, request, -1, null, "", "unsendable: " + error.Message, clock.Elapsed);
        }

        using (message)
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token);
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                var body = await ReadAsync(response.Content, limit.Token);
                var problem = status == 501 ? ErrorFormCheck.CheckNotImplemented(request, contentType, body)
                    : status >= 500 ? "5xx"
                    : status is >= 400 and < 500 ? ErrorFormCheck.Check(request, status, contentType, body)
                    : null;
                return new FuzzOutcome(index, request, status, contentType, Start(body), problem, clock.Elapsed);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                return new FuzzOutcome(index, request, 0, null, "", $"no answer within {timeout.TotalSeconds:F0} s", clock.Elapsed);
            }
            catch (InvalidOperationException error) when (error.Message.Contains("contains null characters", StringComparison.Ordinal))
            {
                // TestServer decodes the path before the app sees it and refuses a %00 (Kestrel answers it 400).
                return new FuzzOutcome(index, request, -1, null, "", "unsendable: " + error.Message, clock.Elapsed);
            }
            catch (HttpRequestException error) when (IsClientSide(error))
            {
                return new FuzzOutcome(index, request, -1, null, "", "unsendable: " + error.Message, clock.Elapsed);
            }
            catch (Exception error) when (error is HttpRequestException or IOException)
            {
                // Over Kestrel: the server cut the connection. In memory (TestServer): the exception escaped the app.
                var inner = error.GetBaseException();
                return new FuzzOutcome(index, request, 0, null, "", $"connection failed: {inner.GetType().Name}: {inner.Message}", clock.Elapsed);
            }
        }
    }

    /// <summary>Header values the client itself refuses to write (it validates them when it sends).</summary>
    private static bool IsClientSide(HttpRequestException error) =>
        error.InnerException is FormatException || error.Message.Contains("header", StringComparison.OrdinalIgnoreCase) && error.InnerException is ArgumentException;

    private static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length < MaxBodyBytes)
                kept.Write(buffer, 0, read);
        }
        return kept.ToArray();
    }

    private static string Start(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return text.ReplaceLineEndings(" ");
    }

}
