using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>
/// A classroom in two browsers: the instructor creates it from a scenario and watches the dashboard; a student joins by
/// the link, works through the tasks in the terminal, and sees the instructor's reset happen on their open page.
/// </summary>
public class ClassroomTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveTextOptions SlowText = new() { Timeout = 60_000 };

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.Server.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 720 },
            ColorScheme = ColorScheme.Light,
        });
        return await context.NewPageAsync();
    }

    private static Task Shot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name), FullPage = fullPage });

    private static async Task DarkAsync(IPage page)
    {
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
    }

    private static async Task TypeAsync(IPage page, string command, string expected)
    {
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$", Slow);
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync(command);
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync(expected, Slow);
    }

    /// <summary>Creates "Monday" from deploy-and-scale on the new-classroom page; returns the join link, with the dashboard open.</summary>
    private async Task<(IPage Instructor, string JoinUrl)> CreateClassroomAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "New classroom" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/classrooms/new$"));
        await page.GetByLabel("Name of the classroom").FillAsync("Monday");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Deploy and scale" }).CheckAsync();
        await Expect(page.Locator(".scenario-option.selected .scenario-option-title")).ToHaveTextAsync("Deploy and scale");
        await Shot(page, "10-new-classroom-1280x720-light.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create classroom" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Classroom “Monday” is ready" })).ToBeVisibleAsync();
        var joinUrl = await page.GetByLabel("Join link", new() { Exact = true }).InputValueAsync();
        Assert.Matches(new Regex(@"/join/[a-z0-9]+\?code=[\w-]+$"), joinUrl);
        await Expect(page.GetByLabel("Instructor link", new() { Exact = true })).ToHaveValueAsync(new Regex(@"/classrooms/[a-z0-9]+/instructor\?key=[\w-]+$"));
        await Shot(page, "11-created-1280x720-light.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the dashboard" }).ClickAsync();
        // The key went into a cookie; the address no longer carries it.
        await Expect(page).ToHaveURLAsync(new Regex(@"/classrooms/[a-z0-9]+$"));
        await Expect(page.Locator(".student-grid-empty")).ToHaveTextAsync("No students yet — share the join link.");
        await Expect(page.GetByLabel("Join link", new() { Exact = true })).ToHaveValueAsync(joinUrl);
        return (page, joinUrl);
    }

    [Fact]
    public async Task A_student_joins_the_dashboard_follows_their_tasks_and_a_reset_shows_on_the_students_open_page()
    {
        var (instructor, joinUrl) = await CreateClassroomAsync();
        await Shot(instructor, "12-dashboard-empty-1280x720-light.png");

        var student = await NewPageAsync();
        await student.GotoAsync(joinUrl);
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Join “Monday”" })).ToBeVisibleAsync();
        await student.GetByLabel("Your name").FillAsync("Ada");
        await Shot(student, "20-join-1280x720-light.png");
        await student.GetByRole(AriaRole.Button, new() { Name = "Join the classroom" }).ClickAsync();
        await Expect(student).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var sandboxUrl = student.Url;
        var tasks = student.Locator(".scenario-tasks");
        await Expect(tasks.Locator(".scenario-tasks-count")).ToHaveTextAsync("0 of 3 tasks done", SlowText);
        await Expect(tasks.Locator(".scenario-tasks-next")).ToHaveTextAsync("Next: Create a Deployment named web running nginx, with 3 replicas, all of them ready");

        await TypeAsync(student, "kubectl create deployment web --image=nginx --replicas=3", "deployment.apps/web created");
        await Expect(tasks.Locator(".scenario-tasks-count")).ToHaveTextAsync("1 of 3 tasks done", SlowText);
        await TypeAsync(student, "kubectl scale deployment web --replicas=5", "deployment.apps/web scaled");
        await Expect(tasks.Locator(".scenario-tasks-count")).ToHaveTextAsync("2 of 3 tasks done", SlowText);
        await tasks.GetByRole(AriaRole.Button, new() { Name = "Show tasks" }).ClickAsync();
        await Expect(tasks.Locator(".scenario-task.task-passed")).ToHaveCountAsync(2);
        await Shot(student, "21-student-tasks-1280x720-light.png");

        // The dashboard's grid catches up by itself (it reads the class every few seconds).
        var ada = instructor.Locator(".student-row", new() { Has = instructor.Locator(".student-name", new() { HasText = "Ada" }) });
        await Expect(ada.Locator(".task-count")).ToHaveTextAsync("2 of 3 done", SlowText);
        await Expect(ada.Locator(".student-pods")).ToHaveTextAsync("5/5", SlowText);
        await Expect(ada.Locator(".task-chip.task-passed")).ToHaveCountAsync(2);
        await Expect(ada.Locator(".student-activity")).ToContainTextAsync("ago");
        await Expect(instructor.Locator(".classroom-updated")).ToContainTextAsync(new Regex("Updated (just now|\\d+s ago)"));
        await Shot(instructor, "13-dashboard-1280x720-light.png");
        await DarkAsync(instructor);
        await Shot(instructor, "14-dashboard-1280x720-dark.png");

        // The reset, while the student's page is open: the page reloads the cluster and says who did it.
        await ada.GetByRole(AriaRole.Button, new() { Name = "Reset Ada's sandbox to the scenario's start" }).ClickAsync();
        await Expect(instructor.Locator(".classroom-feedback")).ToHaveTextAsync("Ada's sandbox is back at the scenario's start.", SlowText);
        await Expect(student.Locator(".scenario-reset")).ToContainTextAsync("Your instructor reset this sandbox to the scenario's start.", Slow);
        await Expect(tasks.Locator(".scenario-tasks-count")).ToHaveTextAsync("0 of 3 tasks done", SlowText);
        await Expect(student.Locator(".pod-chip", new() { HasText = "web-" })).ToHaveCountAsync(0);
        await TypeAsync(student, "kubectl get deployments", "No resources found in default namespace.");
        await Shot(student, "22-student-reset-1280x720-light.png");
        await DarkAsync(student);
        await Shot(student, "23-student-reset-1280x720-dark.png");
        await Expect(ada.Locator(".task-count")).ToHaveTextAsync("0 of 3 done", SlowText);

        // Watching read-only: Open posts into a new tab, which lands on the student's sandbox through a view link, the same one every time.
        var open = ada.GetByRole(AriaRole.Button, new() { Name = "Open Ada's sandbox read-only (new tab)" });
        var watch = await instructor.RunAndWaitForPopupAsync(() => open.ClickAsync());
        await Expect(watch).ToHaveURLAsync(sandboxUrl);
        await Expect(watch.Locator(".scenario-tasks-title")).ToHaveTextAsync("Classroom: Ada · Monday", SlowText);
        await watch.CloseAsync();
        watch = await instructor.RunAndWaitForPopupAsync(() => open.ClickAsync());
        await Expect(watch).ToHaveURLAsync(sandboxUrl);
        await watch.CloseAsync();
        await student.Locator(".share-toggle").ClickAsync();
        await Expect(student.Locator(".share-link")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await student.Keyboard.PressAsync("Escape");

        // A fault into Ada's sandbox alone, from her row.
        await ada.GetByRole(AriaRole.Button, new() { Name = "Inject a fault into Ada's sandbox" }).ClickAsync();
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Inject into Ada" }).ClickAsync();
        await Expect(instructor.Locator(".classroom-feedback")).ToHaveTextAsync("Ada: Node \"node-2\" failed: its kubelet stopped.", SlowText);
        await Shot(instructor, "15-dashboard-fault-1280x720-dark.png");

        // Reopening the join link in the same browser goes straight back to the same sandbox.
        await student.GotoAsync(joinUrl);
        await Expect(student).ToHaveURLAsync(sandboxUrl);
    }

    [Fact]
    public async Task An_uploaded_scenario_with_mistakes_is_refused_with_each_problem_at_its_line()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/classrooms/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Your own scenario" }).CheckAsync();
        await page.GetByLabel("Scenario file (YAML, at most 128 KiB)").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.yaml",
            MimeType = "text/yaml",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""
                title: Broken
                tasks:
                  - title: Make it green
                    checks:
                      - kind: ConfigMap
                        name: settings
                        equals: green
                """),
        });

        var problems = page.Locator(".scenario-problem");
        await Expect(page.Locator(".scenario-problems-title")).ToContainTextAsync("broken.yaml cannot be used", Slow);
        await Expect(problems.First.Locator(".scenario-problem-line")).ToHaveTextAsync(new Regex(@"^Line [5-7]$"));
        await Expect(problems.First.Locator(".scenario-problem-message")).ToContainTextAsync("equals");
        await page.GetByLabel("Name of the classroom").FillAsync("Tuesday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create classroom" }).ClickAsync();
        await Expect(page.Locator(".classroom-problem")).ToHaveTextAsync("Error: Choose a scenario file without problems first.");
        await Shot(page, "30-upload-problems-1280x720-light.png", fullPage: true);
    }

    [Fact]
    public async Task A_browser_without_the_instructor_key_is_shown_how_to_get_in_and_a_wrong_key_is_refused()
    {
        var (instructor, _) = await CreateClassroomAsync();
        var dashboard = instructor.Url;

        var other = await NewPageAsync();
        await other.GotoAsync(dashboard);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "This browser is not this classroom's instructor" })).ToBeVisibleAsync();
        await other.GetByLabel("Instructor key").FillAsync("not-the-key");
        await other.GetByRole(AriaRole.Button, new() { Name = "Open the dashboard" }).ClickAsync();
        await Expect(other.Locator("main")).ToContainTextAsync("That key is not this classroom's instructor key.");
        await Shot(other, "40-not-instructor-1280x720-light.png");
    }
}
