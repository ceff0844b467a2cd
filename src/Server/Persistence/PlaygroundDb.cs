using Microsoft.EntityFrameworkCore;

namespace Playground.Server.Persistence;

/// <summary>The server's SQLite database: sandboxes, their write logs and their current objects.</summary>
public sealed class PlaygroundDb(DbContextOptions<PlaygroundDb> options) : DbContext(options)
{
    public DbSet<StoredSandbox> Sandboxes => Set<StoredSandbox>();
    public DbSet<StoredWrite> Writes => Set<StoredWrite>();
    public DbSet<StoredObject> Objects => Set<StoredObject>();
    public DbSet<StoredClassroom> Classrooms => Set<StoredClassroom>();
    public DbSet<StoredStudent> Students => Set<StoredStudent>();
    public DbSet<StoredShare> Shares => Set<StoredShare>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlaygroundDb).Assembly);
}
