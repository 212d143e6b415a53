using System.Net;
using System.Net.Http.Headers;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Integration.Tests.Usage;

namespace GeoMas.Ogc.Integration.Tests.Admin;

/// <summary>
/// Who may call /admin: with admin credentials configured, only callers with the admin role (or the admin token);
/// anonymous callers get 401 and a challenge, other principals 403.
/// </summary>
public sealed class AdminAccessTests : IDisposable
{
    private readonly MeteredServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/usage")]
    [InlineData("/admin/usage/clients")]
    public async Task Anonymous_is_401_a_key_without_the_role_403_a_wrong_key_401_and_the_admin_key_200(string path)
    {
        await using var app = await _server.StartAsync();

        using var anonymous = await app.CreateClient().GetAsync(path);
        using var partner = await MeteredServer.WithKey(app.CreateClient(), _server.KeyA).GetAsync(path);
        using var web = await MeteredServer.WithKey(app.CreateClient(), _server.WebKey).GetAsync(path);
        using var wrong = await MeteredServer.WithKey(app.CreateClient(), "not-a-key").GetAsync(path);
        using var admin = await MeteredServer.WithKey(app.CreateClient(), _server.AdminKey).GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEmpty(anonymous.Headers.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, web.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Posting_a_job_is_guarded_too()
    {
        await using var app = await _server.StartAsync();

        using var anonymous = await app.CreateClient().PostAsync("/admin/truncate", JsonContent());
        using var partner = await MeteredServer.WithKey(app.CreateClient(), _server.KeyA).PostAsync("/admin/truncate", JsonContent());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }

    [Fact]
    public async Task Without_a_security_section_the_admin_token_opens_admin_and_nothing_else_does()
    {
        const string token = "s3cret-admin-token-for-the-test";
        await using var app = await TestApp.StartAsync("--admin:enabled=true", "--admin:token=" + token, "--cache:store=none",
            "--usage:directory=" + Path.Combine(_server.Folder, "usage"));

        using var anonymous = await app.CreateClient().GetAsync("/admin/jobs");
        var wrongClient = app.CreateClient();
        wrongClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        using var wrong = await wrongClient.GetAsync("/admin/jobs");
        var rightClient = app.CreateClient();
        rightClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var right = await rightClient.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task With_no_admin_credential_at_all_a_local_anonymous_operator_is_let_in()
    {
        // The fresh install: no token, no key or user with the role. The in-process server is local.
        await using var app = await TestApp.StartAsync("--admin:enabled=true", "--cache:store=none", "--usage:directory=" + Path.Combine(_server.Folder, "usage"));

        using var jobs = await app.CreateClient().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
    }

    private static StringContent JsonContent() => new("""{"layers":["communes"]}""", System.Text.Encoding.UTF8, "application/json");
}
