using Microsoft.AspNetCore.Components;
using Playground.Client.Services;

namespace Playground.Client.Tests.Sharing;

/// <summary>Share links and sandboxes kept in lists, as the server would keep them for the visitor who owns them.</summary>
public sealed class FakeOwner : IShareGateway, IMySandboxes
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public List<ShareLinkInfo> Links { get; } = [];
    public List<MySandbox> Sandboxes { get; } = [];
    public List<string> Calls { get; } = [];
    public bool FailListing { get; set; }

    public Task<ShareLinkInfo> CreateLinkAsync(string sandboxId, string access, Uri site)
    {
        var id = $"link{Links.Count + 1:D8}";
        Links.Add(new ShareLinkInfo(id, access, T0));
        return Task.FromResult(new ShareLinkInfo(id, access, T0, new Uri(site, $"/{access}/secret-token-{id}").ToString()));
    }

    public Task<IReadOnlyList<ShareLinkInfo>> ListLinksAsync(string sandboxId) =>
        FailListing ? Task.FromException<IReadOnlyList<ShareLinkInfo>>(new InvalidOperationException("the server is restarting")) : Task.FromResult<IReadOnlyList<ShareLinkInfo>>([.. Links]);

    public Task<bool> RevokeLinkAsync(string sandboxId, string linkId) => Task.FromResult(Links.RemoveAll(l => l.Id == linkId) == 1);

    Task<IReadOnlyList<MySandbox>> IMySandboxes.ListAsync() =>
        FailListing ? Task.FromException<IReadOnlyList<MySandbox>>(new InvalidOperationException("the server is restarting")) : Task.FromResult<IReadOnlyList<MySandbox>>([.. Sandboxes]);

    public Task<string?> RenameAsync(string sandboxId, string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Task.FromResult<string?>("name must not be empty");
        var i = Sandboxes.FindIndex(s => s.Id == sandboxId);
        Sandboxes[i] = Sandboxes[i] with { Name = name.Trim() };
        return Task.FromResult<string?>(null);
    }

    public Task ResetAsync(string sandboxId)
    {
        Calls.Add($"reset {sandboxId}");
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string sandboxId)
    {
        Calls.Add($"delete {sandboxId}");
        Sandboxes.RemoveAll(s => s.Id == sandboxId);
        return Task.CompletedTask;
    }
}

/// <summary>The browser's address, and where the page sent it.</summary>
public sealed class FakeNavigation : NavigationManager
{
    public FakeNavigation() => Initialize("http://127.0.0.1:5080/", "http://127.0.0.1:5080/");

    public string? Went { get; private set; }

    protected override void NavigateToCore(string uri, NavigationOptions options) => Went = ToAbsoluteUri(uri).ToString();
}
