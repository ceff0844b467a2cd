namespace Playground.Server.Classrooms;

/// <summary>A scenario that ships with the server: its id (the file name), its YAML and what it reads as.</summary>
public sealed record BuiltInScenario(string Id, string Yaml, Scenario Scenario);

/// <summary>The built-in scenarios, embedded from Classrooms/Scenarios/*.yaml and read once.</summary>
public static class ScenarioCatalog
{
    private const string Prefix = "scenarios/";

    private static readonly Lazy<IReadOnlyList<BuiltInScenario>> Loaded = new(Load);

    /// <summary>By id, which (as the files are named) is also the order a course would take them in.</summary>
    public static IReadOnlyList<BuiltInScenario> All => Loaded.Value;

    public static BuiltInScenario? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    private static IReadOnlyList<BuiltInScenario> Load()
    {
        var assembly = typeof(ScenarioCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var yaml = reader.ReadToEnd();
                var id = Path.GetFileNameWithoutExtension(name[Prefix.Length..]);
                return new BuiltInScenario(id, yaml, ScenarioReader.Read(yaml));
            })
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }
}
