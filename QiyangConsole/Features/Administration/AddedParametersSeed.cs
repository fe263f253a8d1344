using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;

namespace QiyangConsole.Features.Administration;

/// <summary>
/// Brings parameters added to seeds/system/parameters.json after a database was first seeded into that database
/// (seed steps run once by name, so <see cref="ParameterSeed"/> never runs there again). One step per release
/// that adds parameters, named for them; a parameter already present keeps its value.
/// </summary>
public sealed class AddedParametersSeed(string name, params string[] keys) : ISeedStep
{
    public static AddedParametersSeed LogRetention => new("system/parameters+log-retention", LogRetentionJob.RetentionKey);
    public static AddedParametersSeed CircularIssuerCode => new("system/parameters+circular-issuer-code", Evaluation.CircularService.IssuerCodeKey);

    public string Name => name;
    public int Order => 14; // after ParameterSeed (13), which seeds a new database with every parameter

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var present = await db.Parameters.Where(p => keys.Contains(p.Key)).Select(p => p.Key).ToListAsync(ct);
        var wanted = files.Read<List<SystemParameter>>("system/parameters.json").Where(p => keys.Contains(p.Key) && !present.Contains(p.Key)).ToList();
        db.Parameters.AddRange(wanted);
        await db.SaveChangesAsync(ct);
    }
}
