using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredWriteConfiguration : IEntityTypeConfiguration<StoredWrite>
{
    public void Configure(EntityTypeBuilder<StoredWrite> builder)
    {
        builder.ToTable("Writes");
        // Revisions are unique per sandbox, and this key also serves "the writes of a sandbox after revision N".
        builder.HasKey(w => new { w.SandboxId, w.Revision });
        builder.Property(w => w.Revision).ValueGeneratedNever();
    }
}
