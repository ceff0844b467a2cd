using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredShareConfiguration : IEntityTypeConfiguration<StoredShare>
{
    public void Configure(EntityTypeBuilder<StoredShare> builder)
    {
        builder.ToTable("Shares");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.Property(s => s.Access).HasMaxLength(8);
        // A link is opened by its token alone, so the hash is what every use looks up.
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.SandboxId);
        builder.HasOne<StoredSandbox>().WithMany().HasForeignKey(s => s.SandboxId).OnDelete(DeleteBehavior.Cascade);
    }
}
