using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Playground.Server.Persistence;

public static class PersistenceExtensions
{
    /// <summary>The SQLite database in the data directory, created (in WAL mode) before the server takes requests.</summary>
    public static WebApplicationBuilder AddPlaygroundPersistence(this WebApplicationBuilder builder)
    {
        SqliteBinding.Initialize();
        builder.Services.AddDbContextFactory<PlaygroundDb>((services, options) =>
        {
            var dataDirectory = services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.DataDirectory;
            options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "playground.db")}");
        });
        builder.Services.AddHostedService<DatabaseSetup>();
        return builder;
    }
}
