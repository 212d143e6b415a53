using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// Runs admin jobs in the background, each its own task, cancelled
/// when the server stops (a seed resumes from its state file on the next request). Jobs are kept in memory for
/// this process' life: another instance does not know them.
/// </summary>
public sealed class AdminJobs(IHostApplicationLifetime lifetime, ILogger<AdminJobs> log)
{
    private readonly ConcurrentDictionary<string, AdminJob> _jobs = new(StringComparer.Ordinal);

    public AdminJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<AdminJob> All => [.. _jobs.Values.OrderBy(j => j.Started)];

    public AdminJob Start(string kind, Func<AdminJob, CancellationToken, Task<string>> work)
    {
        var job = new AdminJob(kind);
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            string status;
            try
            {
                job.Message = await work(job, lifetime.ApplicationStopping).ConfigureAwait(false);
                status = "succeeded";
            }
            catch (Exception ex)
            {
                job.Message = ex.Message;
                status = "failed";
                log.LogWarning("Admin {Kind} job {Id} failed: {Error}", kind, job.Id, ex.Message);
            }
            // Finished first: a reader that sees the final status also sees the end time.
            job.Finished = DateTimeOffset.UtcNow;
            job.Status = status;
        }, CancellationToken.None);
        return job;
    }
}
