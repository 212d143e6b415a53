using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Health;

/// <summary>Writes /health/ready as JSON: overall status and one entry per check (name, status, duration, reason).</summary>
public static class HealthReportWriter
{
    public static async Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Description is { } description)
                json.WriteString("description", description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("checkedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
