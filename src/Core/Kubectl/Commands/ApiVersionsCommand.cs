namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl api-versions: every group/version the API server serves, sorted as Go sorts strings.</summary>
public sealed class ApiVersionsCommand : Command
{
    public override string Name => "api-versions";
    public override string Summary => "Print the supported API versions on the server, in the form of \"group/version\"";
    public override string Usage => "kubectl api-versions";

    public override void Run(CommandContext context)
    {
        foreach (var version in context.Resources.Served.Select(t => t.ApiVersion).Distinct().Order(StringComparer.Ordinal))
            context.WriteLine(version);
    }
}
