using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary>The logs' hash chain on a real SQLite file: sealing, tampering found, EF refused, retention, concurrent writers.</summary>
public sealed class LogChainDataTests
{
    private static async Task<TestDb> OfficeDbAsync()
    {
        var db = await TestDb.CreateAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin, unitName: "专班办公室");
        return db;
    }

    /// <summary>One operation-log row per call, written as any page writes: a dictionary item saved through the settings service.</summary>
    private static Task WriteAsync(TestDb db, string label) =>
        db.Get<SettingsService>().SaveItemAsync(new DictionaryItem { Type = "industry", Label = label });

    private static async Task LoginAsync(TestDb db, string user)
    {
        await using var ctx = db.CreateDbContext();
        ctx.LoginRecords.Add(new LoginRecord { At = db.Clock.UtcNow(), UserName = user, Succeeded = false, Reason = "用户名或密码错误", Ip = "10.0.0.9" });
        await ctx.SaveChangesAsync();
    }

    /// <summary>
    /// On a server database the sealer leaves the last few seconds' rows for a later run (a row with a lower id may still be
    /// committing: <see cref="LogChainService.ServerSettleDelay"/>); the test's clock moves past them, as time would.
    /// </summary>
    private static void Settle(TestDb db)
    {
        if (!db.IsSqlite) db.Clock.Now += LogChainService.ServerSettleDelay;
    }

    /// <summary>Plain SQL on the database, as someone with the file and a SQLite tool (or psql on the server) would do it.</summary>
    private static async Task<int> RawAsync(TestDb db, string sql)
    {
        await using var connection = await db.OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<AuditEntry>> AuditAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [DbFact]
    public async Task Entries_written_through_services_are_sealed_into_one_chain_that_verifies()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin, unitName: "专班办公室");
        var units = db.Get<UnitService>();
        await units.SaveAsync(new UnitEdit { Name = "市数据局", IsActive = true });
        var officeId = await UserIdAsync(db, "secadmin");
        var leaderId = await UserIdAsync(db, "leader");
        db.SignIn("secadmin", AppRoles.SecAdmin, userId: officeId);
        await db.Get<UserService>().ForceOutAsync(leaderId);
        Assert.Contains(await AuditAsync(db), a => a.Hash is null); // written unsealed, by the business transaction

        var chain = db.Get<LogChainService>();
        Settle(db);
        Assert.True(await chain.SealAllAsync() > 0);

        var audit = await AuditAsync(db);
        Assert.All(audit, a => Assert.Matches("^[0-9a-f]{64}$", a.Hash));
        Assert.Equal(LogChain.Genesis, audit[0].PrevHash);
        Assert.All(audit.Zip(audit.Skip(1)), p => Assert.Equal(p.First.Hash, p.Second.PrevHash));
        db.SignIn("auditor", AppRoles.Auditor);
        var ops = await db.Get<LogService>().VerifyAsync(LogKind.Operations);
        Assert.True(ops.Intact, ops.Describe());
        Assert.Equal(audit.Count, ops.Checked);
        Assert.Equal($"共校验 {audit.Count:N0} 条，链完整", ops.Describe());
        db.SignIn("auditor", AppRoles.Auditor);
        var logins = await db.Get<LogService>().VerifyAsync(LogKind.Logins);
        Assert.Equal((true, 1L), (logins.Intact, logins.Checked));
        Assert.Equal(0, await chain.SealAllAsync()); // nothing left to seal
    }

    [DbFact]
    public async Task An_entry_changed_with_plain_sql_is_pointed_at_as_altered()
    {
        await using var db = await OfficeDbAsync();
        for (var i = 1; i <= 6; i++) await WriteAsync(db, $"行业{i}");
        db.SignIn("auditor", AppRoles.Auditor);
        Settle(db);
        var first = await db.Get<LogService>().VerifyAsync(LogKind.Operations);
        Assert.True(first.Intact);
        var target = (await AuditAsync(db))[3];

        Assert.Equal(1, await RawAsync(db, $"UPDATE \"AuditEntries\" SET \"NewValues\" = replace(\"NewValues\", '行业4', '行业X') WHERE \"Id\" = {target.Id}"));
        db.SignIn("auditor", AppRoles.Auditor);
        var report = await db.Get<LogService>().VerifyAsync(LogKind.Operations);

        Assert.Equal((ChainBreakKind.Altered, target.Id), (report.Break!.Kind, report.Break.Id));
        Assert.Equal($"第 #{target.Id} 条（2023-05-18 09:00 sysadmin）与封存时不一致：记录被改动（此前 3 条完整）", report.Describe());
    }

    [DbFact]
    public async Task An_entry_deleted_with_plain_sql_is_pointed_at_by_the_next_one()
    {
        await using var db = await OfficeDbAsync();
        for (var i = 1; i <= 6; i++) await WriteAsync(db, $"行业{i}");
        Settle(db);
        await db.Get<LogChainService>().SealAllAsync();
        var rows = await AuditAsync(db);

        await RawAsync(db, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {rows[2].Id}");
        db.SignIn("auditor", AppRoles.Auditor);
        var report = await db.Get<LogService>().VerifyAsync(LogKind.Operations);

        Assert.Equal((ChainBreakKind.Missing, rows[3].Id, (long?)rows[1].Id), (report.Break!.Kind, report.Break.Id, report.Break.PreviousId));
        Assert.Contains($"与前一条 #{rows[1].Id} 之间的记录被删除", report.Describe());
    }

    [DbFact]
    public async Task The_last_entries_deleted_are_found_and_new_ones_do_not_hide_it()
    {
        await using var db = await OfficeDbAsync();
        for (var i = 1; i <= 4; i++) await WriteAsync(db, $"行业{i}");
        var chain = db.Get<LogChainService>();
        Settle(db);
        await chain.SealAllAsync();
        var rows = await AuditAsync(db);

        await RawAsync(db, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {rows[2].Id}");
        var report = await chain.VerifyAsync(LogKind.Operations);
        Assert.Equal((ChainBreakKind.TailMissing, rows[3].Id), (report.Break!.Kind, report.Break.Id));

        await WriteAsync(db, "行业5"); // sealed onto the recorded tip, which is gone
        Settle(db);
        var next = (await AuditAsync(db))[^1];
        report = await chain.VerifyAsync(LogKind.Operations);
        Assert.Equal((ChainBreakKind.Missing, next.Id, (long?)rows[1].Id), (report.Break!.Kind, report.Break.Id, report.Break.PreviousId));
    }

    [DbFact]
    public async Task A_hash_cleared_with_plain_sql_is_found_and_not_sealed_again()
    {
        await using var db = await OfficeDbAsync();
        for (var i = 1; i <= 3; i++) await WriteAsync(db, $"行业{i}");
        Settle(db);
        await db.Get<LogChainService>().SealAllAsync();
        var rows = await AuditAsync(db);

        await RawAsync(db, $"UPDATE \"AuditEntries\" SET \"Hash\" = NULL, \"PrevHash\" = NULL, \"UserName\" = 'nobody' WHERE \"Id\" = {rows[1].Id}");
        var report = await db.Get<LogChainService>().VerifyAsync(LogKind.Operations);

        Assert.Equal((ChainBreakKind.Unsealed, rows[1].Id), (report.Break!.Kind, report.Break.Id));
        Assert.Null((await AuditAsync(db))[1].Hash);
    }

    [DbFact]
    public async Task Changing_or_deleting_log_rows_through_ef_is_refused_and_nothing_changes()
    {
        await using var db = await OfficeDbAsync();
        for (var i = 1; i <= 3; i++) await WriteAsync(db, $"行业{i}");
        await LoginAsync(db, "someone");
        Settle(db);
        await db.Get<LogChainService>().SealAllAsync();
        var before = await AuditAsync(db);

        await using (var ctx = db.CreateDbContext())
        {
            var entry = await ctx.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            entry.UserName = "nobody";
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync());
            Assert.Equal($"操作日志只能追加，不能修改或删除（等保 2.0 安全审计）：#{entry.Id}", changed.Message);
        }
        await using (var ctx = db.CreateDbContext())
        {
            ctx.AuditEntries.Remove(await ctx.AuditEntries.FirstAsync());
            Assert.Contains("操作日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync())).Message);
        }
        await using (var ctx = db.CreateDbContext())
        {
            ctx.LoginRecords.Remove(await ctx.LoginRecords.FirstAsync());
            Assert.Contains("登录日志只能追加", Assert.Throws<InvalidOperationException>(() => ctx.SaveChanges()).Message);
        }
        await using (var ctx = db.CreateDbContext())
        {
            ctx.AuditEntries.Add(new AuditEntry { UserName = "x", Action = "新增", Entity = "Unit", EntityKey = "1", Hash = new string('a', 64) });
            Assert.Contains("操作日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync())).Message);
        }
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Contains("操作日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.AuditEntries.ExecuteDeleteAsync())).Message);
            Assert.Contains("操作日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(
                () => ctx.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Ip, "1.1.1.1")))).Message);
            Assert.Contains("登录日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.LoginRecords.ExecuteDeleteAsync())).Message);
            Assert.Contains("操作日志只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(
                () => ctx.Database.ExecuteSqlRawAsync("delete from \"AuditEntries\" where \"Id\" = 1"))).Message);
            // Reading and appending stay as they were.
            Assert.Equal(before.Count, await ctx.AuditEntries.CountAsync());
        }

        var after = await AuditAsync(db);
        Assert.Equal(before.Select(a => (a.Id, a.UserName, a.Hash)), after.Select(a => (a.Id, a.UserName, a.Hash)));
        await using (var ctx = db.CreateDbContext()) Assert.Equal(1, await ctx.LoginRecords.CountAsync());
        Assert.True((await db.Get<LogChainService>().VerifyAsync(LogKind.Operations)).Intact);
    }

    [DbFact]
    public async Task Verification_streams_a_large_table_in_batches_and_finds_the_one_altered_row()
    {
        await using var db = await OfficeDbAsync();
        await using (var ctx = db.CreateDbContext())
            await BulkInsert.RowsAsync(ctx, Enumerable.Range(1, 5_000).Select(i => new AuditEntry
            {
                At = new DateTime(2023, 5, 1).AddSeconds(i), UserName = "office", Action = "新增", Entity = "Visit", EntityKey = i.ToString(),
                NewValues = $$"""{"Note":"走访记录 {{i}}"}""",
            }));
        var chain = db.Get<LogChainService>();
        Settle(db);
        Assert.Equal(5_000, await chain.SealAsync<AuditEntry>());
        Assert.Equal(5_000, (await chain.VerifyAsync(LogKind.Operations)).Checked);

        await RawAsync(db, "UPDATE \"AuditEntries\" SET \"EntityKey\" = '1' WHERE \"Id\" = 4321");
        var report = await chain.VerifyAsync(LogKind.Operations);

        Assert.Equal((ChainBreakKind.Altered, 4321L, 4320L), (report.Break!.Kind, report.Break.Id, report.Checked));
    }

    [DbFact]
    public async Task The_retention_job_deletes_only_the_old_sealed_head_and_the_chain_still_verifies_from_its_anchor()
    {
        await using var db = await OfficeDbAsync();
        var d0 = new DateTimeOffset(2023, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        db.Clock.Now = d0;
        await using (var ctx = db.CreateDbContext())
        {
            ctx.Parameters.Add(new SystemParameter { Key = LogRetentionJob.RetentionKey, Name = "日志保留天数", Value = "200" });
            await ctx.SaveChangesAsync();
        }
        async Task At(int day, string label) { db.Clock.Now = d0.AddDays(day); await WriteAsync(db, label); await LoginAsync(db, label); }
        await At(0, "a1"); await At(0, "a2"); await At(0, "a3");
        await At(100, "b4");   // young: keeps everything after it
        await At(1, "b5");     // old, but after a young row
        await At(190, "c6");

        db.Clock.Now = d0.AddDays(285);  // 200 days back: day 85
        var job = db.Get<LogRetentionJob>();
        var message = await job.RunAsync();

        var rows = await AuditAsync(db);
        // The parameter's own row (written at day 0 too) and a1..a3 are gone; b4, b5, c6 stay.
        Assert.Equal(["b4", "b5", "c6"], rows.Select(Label));
        Assert.Equal("保留 200 天；操作日志清理 4 条，链完整；登录日志清理 3 条，链完整", message);
        db.SignIn("auditor", AppRoles.Auditor);
        var report = await db.Get<LogService>().VerifyAsync(LogKind.Operations);
        Assert.True(report.Intact, report.Describe());
        Assert.Equal($"共校验 3 条，链完整，起点 #{rows[0].Id}（更早记录已按保留期清理）", report.Describe());
        db.SignIn("auditor", AppRoles.Auditor);
        Assert.True((await db.Get<LogService>().VerifyAsync(LogKind.Logins)).Intact);

        // A value below the floor written behind the rules is read as 180 days: day 105, so b4 and b5 go; the newest sealed entry is always kept.
        await RawAsync(db, $"UPDATE \"Parameters\" SET \"Value\" = '30' WHERE \"Key\" = '{LogRetentionJob.RetentionKey}'");
        db.Clock.Now = d0.AddDays(900);
        Assert.StartsWith("保留 180 天；操作日志清理 2 条", await job.RunAsync());
        Assert.Equal(["c6"], (await AuditAsync(db)).Select(Label));
        db.SignIn("auditor", AppRoles.Auditor);
        Assert.True((await db.Get<LogService>().VerifyAsync(LogKind.Operations)).Intact);

        await using var check = db.CreateDbContext();
        var runs = await check.JobRuns.Where(r => r.JobName == LogRetentionJob.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([true, true], runs.Select(r => r.Succeeded));
        Assert.Equal(message, runs[0].Message);
    }

    [DbFact]
    public async Task Unsealed_entries_are_never_deleted()
    {
        await using var db = await OfficeDbAsync();
        db.Clock.Now = new DateTimeOffset(2022, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        for (var i = 1; i <= 3; i++) await WriteAsync(db, $"行业{i}");
        db.Clock.Now = db.Clock.Now.AddDays(400);

        var purged = await db.Get<LogChainService>().PurgeAsync(LogKind.Operations, 180);

        Assert.Equal(0, purged.Deleted);
        Assert.Equal(3, (await AuditAsync(db)).Count);
    }

    [DbFact]
    public async Task The_retention_job_keeps_a_broken_log_as_evidence_and_fails_its_run()
    {
        await using var db = await OfficeDbAsync();
        db.Clock.Now = new DateTimeOffset(2022, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        for (var i = 1; i <= 4; i++) await WriteAsync(db, $"行业{i}");
        Settle(db);
        await db.Get<LogChainService>().SealAllAsync();
        await RawAsync(db, "UPDATE \"AuditEntries\" SET \"Ip\" = '8.8.8.8' WHERE \"Id\" = 2");
        db.Clock.Now = db.Clock.Now.AddDays(400);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Get<LogRetentionJob>().RunAsync());

        Assert.Contains("操作日志未清理：第 #2 条", ex.Message);
        Assert.Equal(4, (await AuditAsync(db)).Count);
        await using var ctx = db.CreateDbContext();
        var run = await ctx.JobRuns.SingleAsync(r => r.JobName == LogRetentionJob.Id);
        Assert.False(run.Succeeded);
        Assert.Contains("记录被改动", run.Message);
    }

    [DbFact]
    public async Task Eight_concurrent_writers_and_two_sealing_processes_leave_one_unbroken_chain()
    {
        await using var db = await OfficeDbAsync();
        if (db.IsSqlite) await RawAsync(db, "PRAGMA journal_mode=WAL;"); // as the console runs
        using var done = new CancellationTokenSource();
        // Two sealers with their own locks stand for two console processes on one database file.
        var sealers = Enumerable.Range(0, 2).Select(_ => new LogChainService(db, db.Clock, new LogChainLock(), NullLogger<LogChainService>.Instance)).ToList();
        var started = sealers.Select(_ => new TaskCompletionSource()).ToList();
        var sealing = sealers.Select((s, n) => Task.Run(async () =>
        {
            var sealedCount = 0;
            while (!done.IsCancellationRequested)
            {
                sealedCount += await s.SealAllAsync();
                started[n].TrySetResult();
                await Task.Delay(2);
            }
            return sealedCount;
        })).ToList();
        await Task.WhenAll(started.Select(t => t.Task)); // on a busy machine the writers could otherwise finish before a sealer starts
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                // On a server database time must pass for the sealers to take rows while the writers write (Settle).
                if (!db.IsSqlite) db.Clock.Advance(TimeSpan.FromMilliseconds(50));
                await WriteAsync(db, $"并发{w}-{i}");
                if (i % 5 == 0) await LoginAsync(db, $"user{w}");
            }
        })).ToList();
        await Task.WhenAll(writers);
        done.Cancel();
        var sealedByBoth = (await Task.WhenAll(sealing)).Sum();
        Settle(db);
        await sealers[0].SealAllAsync();

        var rows = await AuditAsync(db);
        Assert.Equal(200, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Hash));
        Assert.Equal(rows.Count, rows.Select(r => r.Hash).Distinct().Count());
        Assert.True(sealedByBoth > 0);
        var ops = await sealers[1].VerifyAsync(LogKind.Operations);
        Assert.Equal((true, 200L), (ops.Intact, ops.Checked));
        var logins = await sealers[1].VerifyAsync(LogKind.Logins);
        Assert.Equal((true, 40L), (logins.Intact, logins.Checked));
    }

    [DbFact]
    public async Task A_retention_below_180_days_is_refused_naming_the_parameter()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var settings = db.Get<SettingsService>();
        var p = (await settings.ParametersAsync()).Single(p => p.Key == LogRetentionJob.RetentionKey);
        Assert.Equal("180", p.Value);

        var ex = await Assert.ThrowsAsync<DomainException>(() => settings.SaveParameterAsync(p.Key, "179", p.Version));

        Assert.Equal("参数“日志保留天数”不能小于 180（等保 2.0 要求审计记录至少保存 6 个月）", ex.Message);
        await settings.SaveParameterAsync(p.Key, "365", p.Version);
        Assert.Equal("365", await settings.ParameterAsync(p.Key));
    }

    [DbFact]
    public async Task A_database_seeded_before_the_parameter_existed_gets_it_once_and_keeps_an_edited_value()
    {
        await using var db = await Seeds.SeededAsync();
        await RawAsync(db, $"DELETE FROM \"Parameters\" WHERE \"Key\" = '{LogRetentionJob.RetentionKey}'");
        var config = Seeds.Config();

        await Seeds.Runner(db, config, [AddedParametersSeed.LogRetention]).RunAsync();
        Assert.Equal("180", await db.Get<SettingsService>().ParameterAsync(LogRetentionJob.RetentionKey));

        await RawAsync(db, $"UPDATE \"Parameters\" SET \"Value\" = '400' WHERE \"Key\" = '{LogRetentionJob.RetentionKey}'");
        await RawAsync(db, "DELETE FROM \"SeedRecords\" WHERE \"Name\" = 'system/parameters+log-retention'");
        await Seeds.Runner(db, config, [AddedParametersSeed.LogRetention]).RunAsync();
        Assert.Equal("400", await db.Get<SettingsService>().ParameterAsync(LogRetentionJob.RetentionKey));
    }

    /// <summary>The label of the dictionary item an entry logs (the test's labels are two characters).</summary>
    private static string Label(AuditEntry e) => e.NewValues![(e.NewValues!.IndexOf("\"Label\":\"") + 9)..][..2];

    private static async Task<string> UserIdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
