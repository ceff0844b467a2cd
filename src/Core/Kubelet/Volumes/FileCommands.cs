using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;
using Playground.Core.Networking.Programs;

namespace Playground.Core.Kubelet.Volumes;

/// <summary>
/// `cat` and `ls` run by exec over a container's mounted volumes, with GNU coreutils' messages, or BusyBox's in
/// busybox and alpine images. Null when an operand lies outside the simulated mounts or an option is not simulated.
/// </summary>
public static class FileCommands
{
    public static ProgramResult? Run(IReadOnlyList<string> argv, ApiServer.ApiServer api, Pod pod, Container container)
    {
        var program = argv[0].Split('/')[^1];
        var image = ImageReference.Parse(container.Image ?? "");
        // Scratch images have no cat or ls; ContainerPrograms says which images ship a userland.
        if (program is not ("cat" or "ls") || !ContainerPrograms.Has(image, "cat")) return null;
        var options = argv.Skip(1).TakeWhile(a => a.Length > 1 && a[0] == '-').ToList();
        var operands = argv.Skip(1 + options.Count).ToList();
        if (operands.Count == 0 || options.Any(o => !(program == "ls" && o == "-1"))) return null;
        var entries = operands.Select(o => (Path: o, Entry: MountedFiles.Resolve(api, pod, container, o))).ToList();
        if (entries.Any(e => e.Entry is null)) return null;
        var busybox = ImageCatalog.Find(image)?.ShellImage == true || image.Tag?.Contains("alpine", StringComparison.Ordinal) == true;
        return program == "cat" ? Cat(entries!, busybox) : Ls(entries!, busybox);
    }

    private static ProgramResult Cat(List<(string Path, MountedEntry Entry)> entries, bool busybox)
    {
        var output = new System.Text.StringBuilder();
        var failed = false;
        foreach (var (path, entry) in entries)
        {
            if (entry is MountedEntry.File file)
            {
                output.Append(file.Content);
                continue;
            }
            output.Append(entry is MountedEntry.Directory
                ? busybox ? "cat: read error: Is a directory" : $"cat: {path}: Is a directory"
                : busybox ? $"cat: can't open '{path}': No such file or directory" : $"cat: {path}: No such file or directory").Append('\n');
            failed = true;
        }
        return new ProgramResult(output.ToString(), failed ? 1 : 0);
    }

    /// <summary>One name a line, as ls writes when its output is not a terminal: missing operands, then files, then each folder.</summary>
    private static ProgramResult Ls(List<(string Path, MountedEntry Entry)> entries, bool busybox)
    {
        var lines = new List<string>();
        var missing = entries.Where(e => e.Entry is MountedEntry.Missing).ToList();
        foreach (var (path, _) in missing)
            lines.Add(busybox ? $"ls: {path}: No such file or directory" : $"ls: cannot access '{path}': No such file or directory");
        var files = entries.Where(e => e.Entry is MountedEntry.File).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        lines.AddRange(files);
        var folders = entries.Where(e => e.Entry is MountedEntry.Directory).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        foreach (var (path, entry) in folders)
        {
            if (entries.Count > 1)
            {
                if (files.Count > 0 || folders[0].Path != path) lines.Add("");
                lines.Add(path + ":");
            }
            lines.AddRange(((MountedEntry.Directory)entry).Entries);
        }
        var text = string.Concat(lines.Select(l => l + "\n"));
        return new ProgramResult(text, missing.Count == 0 ? 0 : busybox ? 1 : 2);
    }
}
