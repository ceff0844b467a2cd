using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Playground.Server.Sandboxes;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredSandboxConfiguration : IEntityTypeConfiguration<StoredSandbox>
{
    public void Configure(EntityTypeBuilder<StoredSandbox> builder)
    {
        builder.ToTable("Sandboxes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(SandboxNames.MaxLength).HasDefaultValue("");
        // "My sandboxes" lists a visitor's sandboxes by this hash.
        builder.HasIndex(s => s.OwnerVisitorHash);
        builder.HasMany<StoredWrite>().WithOne().HasForeignKey(w => w.SandboxId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<StoredObject>().WithOne().HasForeignKey(o => o.SandboxId).OnDelete(DeleteBehavior.Cascade);
    }
}
