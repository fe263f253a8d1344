using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data.Seeding;

/// <summary>One named piece of seed data; it runs once per database, in its own transaction.</summary>
public interface ISeedStep
{
    string Name { get; }
    int Order { get; }
    bool Enabled(IConfiguration config) => true;
    Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct);
}

public sealed class SeedFiles(string directory)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    public string Directory { get; } = directory;

    public T Read<T>(string relativePath) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Directory, relativePath)), Options)
        ?? throw new InvalidDataException($"种子数据文件为空：{relativePath}");
}

public sealed class SeedRunner(
    IDbContextFactory<AppDbContext> factory, IEnumerable<ISeedStep> steps, IConfiguration config,
    TimeProvider clock, ILogger<SeedRunner> log)
{
    public static string SeedDirectory(IConfiguration config) =>
        config["Seeds:Directory"] is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "seeds");

    public async Task RunAsync(CancellationToken ct = default)
    {
        var files = new SeedFiles(SeedDirectory(config));
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            if (!step.Enabled(config)) continue;
            await using var db = await factory.CreateDbContextAsync(ct);
            if (await db.SeedRecords.AnyAsync(r => r.Name == step.Name, ct)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await step.RunAsync(db, files, ct);
            db.SeedRecords.Add(new SeedRecord { Name = step.Name, AppliedAt = clock.UtcNow() });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Seeded {Step}", step.Name);
        }
    }
}
