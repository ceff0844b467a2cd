using Playground.Client.Services;
using Playground.Server.Sandboxes;

namespace Playground.Server.Ownership;

/// <summary>"My sandboxes" for the circuit's browser: the sandboxes its visitor id owns, and the owner's changes to them.</summary>
internal sealed class MySandboxesGateway(OwnerGrants owner, SandboxRegistry registry) : IMySandboxes
{
    public async Task<IReadOnlyList<MySandbox>> ListAsync() =>
        owner.VisitorId is { } visitor
            ? [.. (await registry.ListAsync(visitor)).Select(s => new MySandbox(s.Id, s.Name, s.CreatedAt, s.LastActivityAt))]
            : [];

    public async Task<string?> RenameAsync(string sandboxId, string name)
    {
        var (checkedName, problem) = SandboxNames.Check(name);
        if (problem is not null) return problem;
        await owner.RequireAsync(sandboxId, "rename");
        return await registry.RenameAsync(sandboxId, checkedName!) ? null : $"sandbox {sandboxId} no longer exists";
    }

    public async Task ResetAsync(string sandboxId)
    {
        await owner.RequireAsync(sandboxId, "reset");
        if (!await registry.ResetAsync(sandboxId)) throw new InvalidOperationException($"sandbox {sandboxId} no longer exists");
    }

    public async Task DeleteAsync(string sandboxId)
    {
        await owner.RequireAsync(sandboxId, "delete");
        await registry.DeleteAsync(sandboxId);
    }
}
