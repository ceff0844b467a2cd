using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>One kubectl verb (or sub-verb such as "create deployment"): its names, flags and what it does.</summary>
public abstract class Command
{
    public abstract string Name { get; }
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>The one-line description kubectl's help lists.</summary>
    public abstract string Summary { get; }

    /// <summary>The usage line of the command's help, e.g. "kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]".</summary>
    public abstract string Usage { get; }

    public virtual IReadOnlyList<Flag> Flags => [];
    public virtual IReadOnlyList<Command> Subcommands => [];

    /// <summary>False for a verb that only groups sub-verbs (rollout, set): run bare, it prints its help.</summary>
    public virtual bool Runnable => true;

    public abstract void Run(CommandContext context);

    public bool IsCalled(string word) => Name == word || Aliases.Contains(word);
}
