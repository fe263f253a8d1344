using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Projects;
using QiyangConsole.Tests.Data.BadInput;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>copy-to: the whole demo console moved from its SQLite file into PostgreSQL, checked row by row where it matters.</summary>
public class DataCopyTests
{
    [ScaleOutFact]
    public async Task The_demo_console_is_copied_into_postgresql_with_every_row_its_keys_its_values_and_an_intact_log_chain()
    {
        var demo = new DemoDb();
        await demo.InitializeAsync();
        await using var sqlite = demo.Db;
        sqlite.SignIn("system", AppRoles.SysAdmin);
        await sqlite.Get<LogChainService>().SealAllAsync();
        await using var postgres = new TestDb(DatabaseProvider.PostgreSql);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var output = new StringWriter();
        var previous = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(output);
        Console.SetError(output);
        int code;
        try { code = await DataCommands.CopyToAsync([postgres.Database.ConnectionString, "--Data:Directory=" + sqlite.Directory]); }
        finally { Console.SetOut(previous); Console.SetError(previousError); }
        Assert.True(code == 0, output.ToString());
        Assert.Contains("行数逐表一致", output.ToString());

        await using var from = sqlite.CreateDbContext();
        await using var to = postgres.CreateDbContext();
        Assert.Equal(await from.Visits.CountAsync(), await to.Visits.CountAsync());
        Assert.True(await to.Visits.CountAsync() > 100);
        // Values of every kind come across unchanged: dates, times, decimals, enums, texts, nulls.
        var projectsFrom = await from.Projects.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var projectsTo = await to.Projects.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(projectsFrom.Select(Describe), projectsTo.Select(Describe));
        var usersFrom = await from.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.UserName, u.PasswordHash, u.CreatedAt, u.UnitId }).ToListAsync();
        var usersTo = await to.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.UserName, u.PasswordHash, u.CreatedAt, u.UnitId }).ToListAsync();
        Assert.Equal(usersFrom, usersTo);
        var unitsTo = await to.Units.AsNoTracking().ToListAsync();
        Assert.Contains(unitsTo, u => u.ParentId is not null);

        // The operation log's hash chain verifies on the copy: not one value changed on the way.
        postgres.SignIn("auditor", AppRoles.Auditor);
        var report = await postgres.Get<LogService>().VerifyAsync(LogKind.Operations);
        Assert.True(report.Intact, report.Describe());
        Assert.True(report.Checked > 0);

        // New rows get keys after the copied ones (the identity sequences were moved on).
        var maxId = await to.Enterprises.MaxAsync(e => e.Id);
        to.DictionaryItems.Add(new DictionaryItem { Type = "test", Label = "复制后新增" });
        await to.SaveChangesAsync();
        var enterprise = await to.Enterprises.AsNoTracking().FirstAsync();
        enterprise.Id = 0;
        enterprise.CreditCode = "91430000COPYTEST01";
        to.Enterprises.Add(enterprise);
        await to.SaveChangesAsync();
        Assert.True(enterprise.Id > maxId);

        // A second copy into the same database is refused: it is no longer empty.
        Console.SetOut(output = new StringWriter());
        var error = new StringWriter();
        Console.SetError(error);
        try { code = await DataCommands.CopyToAsync([postgres.Database.ConnectionString, "--Data:Directory=" + sqlite.Directory]); }
        finally { Console.SetOut(previous); Console.SetError(previousError); }
        Assert.Equal(1, code);
        Assert.Contains("目标数据库不是空的", error.ToString());
    }

    private static string Describe(Project p) =>
        string.Join("|", typeof(Project).GetProperties().Where(x => x.PropertyType.IsValueType || x.PropertyType == typeof(string)).Select(x => $"{x.Name}={x.GetValue(p)}"));
}
