using Microsoft.Extensions.Primitives;

namespace Playground.Server.KubeApi.Exec;

/// <summary>
/// A pods/exec request's query (core/v1 PodExecOptions): the command, one word per command parameter, the container,
/// and which streams the client attaches. With a TTY, stderr is folded into stdout, as the kubelet does.
/// </summary>
public sealed record ExecOptions(IReadOnlyList<string> Command, string? Container, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    /// <summary>The options, or the 400 Status that names what is wrong with the query.</summary>
    public static (ExecOptions? Options, KubeResponse? Problem) Parse(IQueryCollection query)
    {
        var flags = new Dictionary<string, bool>();
        foreach (var name in new[] { "stdin", "stdout", "stderr", "tty" })
        {
            if (!TryBool(query[name], out var value))
                return (null, KubeResponse.Failure(400, "BadRequest", $"{name}: Invalid value: \"{query[name]}\": must be true or false"));
            flags[name] = value;
        }
        var command = query["command"].Where(word => word is not null).Select(word => word!).ToList();
        if (command.Count == 0)
            return (null, KubeResponse.Failure(400, "BadRequest", "you must specify at least one command for the container"));
        if (!flags["stdin"] && !flags["stdout"] && !flags["stderr"])
            return (null, KubeResponse.Failure(400, "BadRequest", "you must specify at least 1 of stdin, stdout, stderr"));
        var container = query["container"].ToString() is { Length: > 0 } given ? given : null;
        return (new ExecOptions(command, container, flags["stdin"], flags["stdout"], flags["stderr"] && !flags["tty"], flags["tty"]), null);
    }

    /// <summary>What Go's strconv.ParseBool takes (client-go sends true and false); absent is false.</summary>
    private static bool TryBool(StringValues values, out bool value)
    {
        value = false;
        var text = values.ToString();
        if (text.Length == 0) return true;
        if (text is "1" or "t" or "T") return value = true;
        if (text is "0" or "f" or "F") return true;
        return bool.TryParse(text, out value);
    }
}
