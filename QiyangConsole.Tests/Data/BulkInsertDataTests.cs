using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The plain-row writer behind the import, the log and the benchmark's data, on both engines: PostgreSQL sends the rows a
/// thousand to a round trip (a batch), SQLite one prepared statement a row; both give each row the key the database chose.
/// </summary>
public class BulkInsertDataTests
{
    [DbFact]
    public async Task Rows_over_several_batches_get_the_keys_the_database_gave_them_and_read_back_as_written()
    {
        await using var db = await Seeds.SeededAsync();
        var at = new DateTime(2023, 8, 31, 16, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(1, 2_345).Select(i => new Reminder
        {
            CreatedAt = at.AddMinutes(i), Title = $"批量提醒{i:0000}", Role = i % 3 == 0 ? null : AppRoles.Office,
            UnitId = i % 3 == 0 ? 1 : null, Link = i % 2 == 0 ? $"/work-items/{i}" : null,
        }).ToList();
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(rows.Count, await BulkInsert.RowsAsync(ctx, rows, readKeys: true));

        Assert.All(rows, r => Assert.NotEqual(0, r.Id));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        await using (var ctx = db.CreateDbContext())
        {
            var stored = await ctx.Reminders.AsNoTracking().Where(r => r.Title.StartsWith("批量提醒")).ToDictionaryAsync(r => r.Id);
            Assert.Equal(rows.Count, stored.Count);
            foreach (var row in rows)
            {
                var back = stored[row.Id];
                Assert.Equal((row.Title, row.CreatedAt, row.Role, row.UnitId, row.Link), (back.Title, back.CreatedAt, back.Role, back.UnitId, back.Link));
            }
        }

        // Rows with keys of their own, then one the database numbers: it comes after them (PostgreSQL's sequence is moved on).
        var top = rows.Max(r => r.Id);
        await using (var ctx = db.CreateDbContext())
            await BulkInsert.RowsAsync(ctx, Enumerable.Range(1, 3).Select(i => new Reminder { Id = top + 100 + i, CreatedAt = at, Title = $"指定编号{i}" }));
        await using (var ctx = db.CreateDbContext())
        {
            var next = new Reminder { CreatedAt = at, Title = "之后新增" };
            ctx.Reminders.Add(next);
            await ctx.SaveChangesAsync();
            Assert.True(next.Id > top + 103, $"the next key {next.Id} follows the given ones");
        }
    }

    [DbFact]
    public async Task Rows_whose_keys_nobody_reads_are_numbered_by_the_table_in_their_order_and_the_next_key_follows()
    {
        await using var db = await Seeds.SeededAsync();
        var at = new DateTime(2023, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        var made = 0;
        IEnumerable<Reminder> Made() // as the operation log's entries are made: lazily, while they are written
        {
            for (var i = 1; i <= 1_500; i++)
            {
                made++;
                yield return new Reminder { CreatedAt = at.AddSeconds(i), Title = $"顺序提醒{i:0000}", Role = AppRoles.Office };
            }
        }
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(1_500, await BulkInsert.RowsAsync(ctx, Made()));
        Assert.Equal(1_500, made);

        await using (var ctx = db.CreateDbContext())
        {
            var stored = await ctx.Reminders.AsNoTracking().Where(r => r.Title.StartsWith("顺序提醒")).OrderBy(r => r.Id).Select(r => new { r.Id, r.Title }).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 1_500).Select(i => $"顺序提醒{i:0000}"), stored.Select(r => r.Title));
            Assert.Equal(1_500, stored.Select(r => r.Id).Distinct().Count());
            var next = new Reminder { CreatedAt = at, Title = "之后新增" };
            ctx.Reminders.Add(next);
            await ctx.SaveChangesAsync();
            Assert.True(next.Id > stored[^1].Id, $"the next key {next.Id} follows {stored[^1].Id}");
        }
    }
}
