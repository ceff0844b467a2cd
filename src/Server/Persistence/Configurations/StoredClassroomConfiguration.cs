using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredClassroomConfiguration : IEntityTypeConfiguration<StoredClassroom>
{
    public void Configure(EntityTypeBuilder<StoredClassroom> builder)
    {
        builder.ToTable("Classrooms");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.InstructorTokenHash).HasMaxLength(32);
        builder.Property(c => c.JoinCodeHash).HasMaxLength(32);
        builder.HasMany<StoredStudent>().WithOne().HasForeignKey(s => s.ClassroomId).OnDelete(DeleteBehavior.Cascade);
    }
}
