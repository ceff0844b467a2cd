using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredStudentConfiguration : IEntityTypeConfiguration<StoredStudent>
{
    public void Configure(EntityTypeBuilder<StoredStudent> builder)
    {
        builder.ToTable("Students");
        // A sandbox belongs to at most one classroom; the student row goes when the sandbox does.
        builder.HasKey(s => s.SandboxId);
        builder.HasIndex(s => s.ClassroomId);
        builder.HasOne<StoredSandbox>().WithMany().HasForeignKey(s => s.SandboxId).OnDelete(DeleteBehavior.Cascade);
    }
}
