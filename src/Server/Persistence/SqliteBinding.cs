using System.Reflection;
using System.Runtime.Loader;

namespace Playground.Server.Persistence;

/// <summary>
/// Makes EF Core's SQLite provider run on the SQLitePCLRaw 2.0.6 assemblies that the package source here offers:
/// Microsoft.Data.Sqlite 10 is compiled against SQLitePCLRaw 2.1, whose bundle is missing, and the 2.0.6 API it calls is the same.
/// </summary>
public static class SqliteBinding
{
    private static int initialized;

    /// <summary>Call once before anything touches SQLite; later calls do nothing.</summary>
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += BindToPresentVersion;
        SQLitePCL.Batteries_V2.Init();
    }

    // The runtime refuses a 2.0.6 file for a 2.1 reference; asking again without a version binds to the file that is present.
    private static Assembly? BindToPresentVersion(AssemblyLoadContext context, AssemblyName requested) =>
        requested.Name is { } name && name.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal) && requested.Version is not null
            ? context.LoadFromAssemblyName(new AssemblyName(name))
            : null;
}
