using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>The comma-separated id lists of a database made before the join tables survive the migrations, in order, as rows.</summary>
public class JoinTableMigrationTests
{
    private const string BeforeJoinTables = "20261127140028_LinkCallbacksToHelpMatters";

    [Fact]
    public async Task Criticised_units_and_co_units_move_from_the_comma_lists_into_their_tables()
    {
        await using var db = new TestDb();
        await using (var ctx = db.CreateDbContext())
        {
            await ctx.GetService<IMigrator>().MigrateAsync(BeforeJoinTables);
            await ctx.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Units" ("Id", "Name", "SortOrder", "IsActive", "Version") VALUES (1, '甲', 1, 1, 0), (2, '乙', 2, 1, 0), (3, '丙', 3, 1, 0);
                INSERT INTO "IndicatorSchemes" ("Id", "Year", "Name", "Version") VALUES (1, 2023, '方案', 0);
                INSERT INTO "EvaluationPeriods" ("Id", "Year", "Month", "SchemeId", "State", "Version") VALUES (1, 2023, 5, 1, 3, 0), (2, 2023, 6, 1, 2, 0);
                INSERT INTO "Circulars" ("Id", "PeriodId", "Year", "Title", "Issuer", "PrintedBy", "CriticisedUnitIds", "Version")
                    VALUES (1, 1, 2023, '五月通报', '专班', '办公室', '3,1,99,3', 4), (2, 2, 2023, '六月通报', '专班', '办公室', '', 0);
                INSERT INTO "WorkItems" ("Id", "Title", "Source", "Urgency", "LeadUnitId", "CoUnitIds", "Deadline", "State", "Light", "Percent", "CreatedAt", "Version")
                    VALUES (1, '事项一', '会议', 0, 1, '2,3', '2023-06-20', 2, 1, 40, '2023-06-01 01:00:00', 2), (2, '事项二', '会议', 0, 1, '', '2023-06-20', 0, 0, 0, '2023-06-01 01:00:00', 0);
                """);
            await ctx.Database.MigrateAsync();
        }

        await using var after = db.CreateDbContext();
        var circulars = await after.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([3, 1], circulars[0].CriticisedUnitIds());  // in order, the unknown id and the repeat dropped
        Assert.Equal(4, circulars[0].Version);
        Assert.Empty(circulars[1].CriticisedUnitIds());
        var coUnits = await after.WorkItemCoUnits.AsNoTracking().OrderBy(c => c.WorkItemId).ThenBy(c => c.UnitId).Select(c => new { c.WorkItemId, c.UnitId }).ToListAsync();
        Assert.Equal([new { WorkItemId = 1, UnitId = 2 }, new { WorkItemId = 1, UnitId = 3 }], coUnits);
        Assert.Equal(2, (await after.WorkItems.AsNoTracking().SingleAsync(i => i.Id == 1)).Version);
    }
}
