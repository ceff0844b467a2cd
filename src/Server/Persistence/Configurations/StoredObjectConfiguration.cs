using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Playground.Server.Persistence.Configurations;

internal sealed class StoredObjectConfiguration : IEntityTypeConfiguration<StoredObject>
{
    public void Configure(EntityTypeBuilder<StoredObject> builder)
    {
        builder.ToTable("Objects");
        builder.HasKey(o => new { o.SandboxId, o.Resource, o.Namespace, o.Name });
    }
}
