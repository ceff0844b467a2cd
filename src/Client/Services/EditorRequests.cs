namespace Playground.Client.Services;

/// <summary>An object of the cluster to open in the manifest editor, as "kubectl get KIND NAME -n NAMESPACE -o yaml" names it.</summary>
public sealed record LiveObject(string Kind, string Name, string? Namespace = null);

/// <summary>
/// How any part of the workspace (e.g. the resource browser) asks the manifest editor to open a live object;
/// one per circuit (scoped), so it reaches the editor of the same page.
/// </summary>
public sealed class EditorRequests
{
    /// <summary>Raised for each request; the manifest editor listens while it is on the page.</summary>
    public event Func<LiveObject, Task>? EditRequested;

    /// <summary>Loads the object's current YAML into the editor, ready to change and apply.</summary>
    public Task EditLiveAsync(LiveObject target) => EditRequested?.Invoke(target) ?? Task.CompletedTask;
}
