using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The terminal as a shell: Tab completion from the live cluster, history that survives a reload, Ctrl+C, Ctrl+L, paste.</summary>
public class TerminalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>For what waits on the server, which shares two cores with every other test suite in CI.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { UseInnerText = true, Timeout = 15_000 };

    private static async Task<ILocator> OpenTerminalAsync(IPage page)
    {
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("default $");
        await page.Locator(".terminal-host").ClickAsync();
        return terminal;
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.Locator(".panel-terminal").ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name) });

    [Fact]
    public async Task Tab_completes_kinds_and_names_and_history_cancel_and_clear_work_as_in_bash()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);
        await page.Keyboard.TypeAsync("kubectl create deployment web --image=nginx\n");
        await Expect(terminal).ToContainTextAsync("deployment.apps/web created", Slow);

        // One kind fits: it is completed with a space after it.
        await page.Keyboard.TypeAsync("kubectl get depl");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("web\n");
        await Expect(terminal).ToContainTextAsync("default $ kubectl get deployments web");
        await Expect(terminal).ToContainTextAsync("READY", Slow);

        // Several fit: the word grows as far as they agree and they are listed below.
        await page.Keyboard.TypeAsync("kubectl get po");
        await page.Keyboard.PressAsync("Tab");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"default \$ kubectl get pod\s*\npoddisruptionbudgets\s+pods\s*\ndefault \$ kubectl get pod\s*$"), Text);
        await ScreenshotAsync(page, "10-terminal-completion-list.png");

        // A name from the live cluster.
        await page.Keyboard.TypeAsync("s we");
        await page.Keyboard.PressAsync("Tab");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"default \$ kubectl get pods web-[a-z0-9]+-[a-z0-9]+\s*$"), Text);
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*\nweb-\S+\s+\d/1\s+\S+\s+0\s+\S+\s*\ndefault \$\s*$"), Text);
        var podCommand = Regex.Match(await terminal.InnerTextAsync(), @"kubectl get pods web-[a-z0-9]+-[a-z0-9]+").Value;
        await ScreenshotAsync(page, "11-terminal-name-completed.png");

        // Up recalls the last command; Ctrl+C drops the line and gives a new prompt.
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(terminal).ToHaveTextAsync(new Regex($@"default \$ {podCommand}\s*$"), Text);
        await page.Keyboard.PressAsync("Control+c");
        await Expect(terminal).ToHaveTextAsync(new Regex($@"default \$ {podCommand} ?\^C\s*\ndefault \$\s*$"), Text);

        // Ctrl+L clears the screen and keeps the line being typed.
        await page.Keyboard.TypeAsync("kubectl get nodes");
        await page.Keyboard.PressAsync("Control+l");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"^\s*default \$ kubectl get nodes\s*$"), Text);
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("node-3", Slow);
        await ScreenshotAsync(page, "12-terminal-after-clear.png");

        // History is kept per sandbox in the browser: a reload still recalls it.
        await page.ReloadAsync();
        terminal = await OpenTerminalAsync(page);
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"default \$ kubectl get nodes\s*$"), Text);
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(terminal).ToHaveTextAsync(new Regex($@"default \$ {podCommand}\s*$"), Text);
    }

    [Fact]
    public async Task Pasted_lines_run_one_after_another_and_a_pasted_heredoc_is_applied()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);

        const string text = "kubectl get namespace kube-system -o name\nkubectl get node node-2 -o name\n"
            + "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pasted\nEOF\n";
        // What a paste from the clipboard hands the page (the headless browser has no clipboard of its own).
        await page.Locator(".terminal-host textarea").EvaluateAsync(
            "(area, text) => { const data = new DataTransfer(); data.setData('text/plain', text); area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            text);

        await Expect(terminal).ToContainTextAsync("configmap/pasted created", Slow);
        await Expect(terminal).ToHaveTextAsync(new Regex(
            @"kube-system -o name\s*\nnamespace/kube-system\s*\ndefault \$ kubectl get node node-2 -o name\s*\nnode/node-2\s*\ndefault \$ cat <<EOF"), Text);
        await ScreenshotAsync(page, "13-terminal-paste.png");
    }

    [Fact]
    public async Task Set_context_changes_the_prompts_namespace_which_commands_and_tab_use_and_a_reload_keeps()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);
        var id = Regex.Match(page.Url, "/s/([a-z0-9]+)$").Groups[1].Value;
        await page.Keyboard.TypeAsync("kubectl create namespace dev\n");
        await Expect(terminal).ToContainTextAsync("namespace/dev created", Slow);
        await page.Keyboard.TypeAsync("kubectl run web-dev -n dev --image=nginx\n");
        await Expect(terminal).ToContainTextAsync("pod/web-dev created", Slow);

        await page.Keyboard.TypeAsync("kubectl config set-context --current --namespace=dev\n");
        await Expect(terminal).ToHaveTextAsync(new Regex($@"namespace=dev\s*\nContext ""playground-{id}"" modified\.\s*\ndev \$\s*$"), Text);
        await page.Keyboard.TypeAsync("kubectl get pods\n");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"dev \$ kubectl get pods\s*\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*\nweb-dev\s+\d/1\s+\S+\s+0\s+\S+\s*\ndev \$\s*$"), Text);
        // Tab offers names from the context's namespace.
        await page.Keyboard.TypeAsync("kubectl describe pod web-");
        await page.Keyboard.PressAsync("Tab");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"dev \$ kubectl describe pod web-dev\s*$"), Text);
        await page.Keyboard.PressAsync("Control+c");
        await ScreenshotAsync(page, "14-terminal-namespace-dev.png");

        // The context is kept in the browser per sandbox, like the history.
        await page.ReloadAsync();
        await Expect(terminal).ToContainTextAsync("dev $");
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl config view --minify -o jsonpath='{..namespace}'\n");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"\{\.\.namespace\}'\s*\ndev\s*\ndev \$\s*$"), Text);
        await page.Keyboard.TypeAsync("kubectl config get-contexts\n");
        // The row is wider than the terminal, which wraps it anywhere, so only its ends are checked.
        await Expect(terminal).ToHaveTextAsync(new Regex(@"CURRENT\s+NAME\s+CLUSTER\s+AUTHINFO\s+NAMESPACE\s*\n\*\s+playground-[\s\S]*\sdev\s*\ndev \$\s*$"), Text);
        await page.Keyboard.TypeAsync("kubectl config set-context --current --namespace=default\n");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"modified\.\s*\ndefault \$\s*$"), Text);
        await ScreenshotAsync(page, "15-terminal-namespace-after-reload.png");
    }

    [Fact]
    public async Task Shift_tab_leaves_the_terminal_and_tab_stays_in_it()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await OpenTerminalAsync(page);
        var input = page.Locator(".terminal-host textarea");
        await Expect(input).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(input).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(input).Not.ToBeFocusedAsync();

        await input.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Tab");
        await Expect(input).Not.ToBeFocusedAsync();
    }
}
