using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// The instructor's browser entries: the instructor link trades the token in its address for an HttpOnly cookie, and
/// only that cookie opens a student's sandbox read-only from the dashboard; anything else sets and makes nothing.
/// </summary>
public sealed class InstructorEntryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return Server.Http.SendAsync(request);
    }

    private async Task<int> ViewLinksAsync(Student student)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{student.SandboxId}/shares");
        request.Headers.Authorization = new("Bearer", student.Token);
        var response = await Server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetArrayLength();
    }

    [Fact]
    public async Task The_instructor_link_sets_an_http_only_strict_cookie_and_redirects_to_the_dashboard_without_the_key()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);

        var response = await SendAsync(HttpMethod.Get, $"/classrooms/{classroom.Id}/instructor?key={classroom.InstructorToken}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/classrooms/{classroom.Id}", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"pg.cls.{classroom.Id}={classroom.InstructorToken};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_key_another_classrooms_key_or_none_sets_nothing_and_the_dashboard_is_told_it_was_refused()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var other = await ClassroomClient.CreateAsync(Server, name: "Other");

        foreach (var key in new[] { "?key=wrong", $"?key={other.InstructorToken}", "" })
        {
            var response = await SendAsync(HttpMethod.Get, $"/classrooms/{classroom.Id}/instructor{key}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/classrooms/{classroom.Id}?refused=true", response.Headers.Location!.OriginalString);
            Assert.False(response.Headers.Contains("Set-Cookie"), key);
        }
    }

    [Fact]
    public async Task Only_the_instructor_cookie_opens_a_students_sandbox_read_only_and_every_open_reuses_one_view_link()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var other = await ClassroomClient.CreateAsync(Server, name: "Other");
        var ada = await classroom.JoinOkAsync("Ada");
        var watch = $"/classrooms/{classroom.Id}/students/{ada.SandboxId}/watch";

        foreach (var cookie in new[] { null, $"pg.cls.{classroom.Id}=wrong", $"pg.cls.{classroom.Id}={other.InstructorToken}", ada.Cookie })
        {
            var refused = await SendAsync(HttpMethod.Post, watch, cookie);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal($"/classrooms/{classroom.Id}", refused.Headers.Location!.OriginalString);
        }
        Assert.Equal(0, await ViewLinksAsync(ada));

        var opened = await SendAsync(HttpMethod.Post, watch, $"pg.cls.{classroom.Id}={classroom.InstructorToken}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Matches($"^{Regex(Server.BaseAddress.ToString())}view/[\\w-]+$", opened.Headers.Location!.ToString());
        Assert.Equal(1, await ViewLinksAsync(ada));
        var reopened = await SendAsync(HttpMethod.Post, watch, $"pg.cls.{classroom.Id}={classroom.InstructorToken}");
        Assert.Equal(opened.Headers.Location, reopened.Headers.Location);
        Assert.Equal(1, await ViewLinksAsync(ada));
        var view = await SendAsync(HttpMethod.Get, opened.Headers.Location.PathAndQuery);
        Assert.Equal($"/s/{ada.SandboxId}", view.Headers.Location!.OriginalString);

        // A sandbox that is not one of this classroom's students is never opened, whoever's it is.
        var stranger = await other.JoinOkAsync("Mallory");
        var foreign = await SendAsync(HttpMethod.Post, $"/classrooms/{classroom.Id}/students/{stranger.SandboxId}/watch", $"pg.cls.{classroom.Id}={classroom.InstructorToken}");
        Assert.Equal($"/classrooms/{classroom.Id}", foreign.Headers.Location!.OriginalString);
        Assert.Equal(0, await ViewLinksAsync(stranger));
    }

    [Fact]
    public async Task A_link_the_student_revoked_stays_revoked_the_next_open_makes_another_and_the_students_own_links_are_never_taken()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var ada = await classroom.JoinOkAsync("Ada");
        var watch = $"/classrooms/{classroom.Id}/students/{ada.SandboxId}/watch";
        var instructor = $"pg.cls.{classroom.Id}={classroom.InstructorToken}";
        var (_, own, _) = await Server.ShareAsync(ada.SandboxId, ada.Token, "view");

        var first = (await SendAsync(HttpMethod.Post, watch, instructor)).Headers.Location!;
        var token = first.AbsolutePath["/view/".Length..];
        Assert.NotEqual(own, token);
        // The dashboard's form and the API hand out the same link.
        var api = await classroom.OkAsync(HttpMethod.Post, $"students/{ada.SandboxId}/view");
        Assert.Equal(first.ToString(), api.GetProperty("url").GetString());
        Assert.Equal(2, await ViewLinksAsync(ada));

        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{ada.SandboxId}/shares/{token}", ada.Token).ExpectAsync(HttpStatusCode.NoContent);
        var second = (await SendAsync(HttpMethod.Post, watch, instructor)).Headers.Location!;

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Gone, (await SendAsync(HttpMethod.Get, first.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(HttpMethod.Get, second.PathAndQuery)).StatusCode);
        Assert.Equal(2, await ViewLinksAsync(ada));
        await Server.KubectlOkAsync(ada.SandboxId, own, "kubectl get pods");
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
