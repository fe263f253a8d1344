using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;

namespace QiyangConsole.Features.Administration;

/// <summary>
/// <c>dotnet run --project QiyangConsole -- verify-logs</c>: seals what is waiting and verifies the hash chains of the
/// operation and login logs of the console's data folder (the same settings as the console: QIYANG_DATA_DIR,
/// Data:Directory). Safe while the console runs. Exits 0 when both chains are intact, 3 when one is broken,
/// 2 when the folder holds no database.
/// </summary>
public static class VerifyLogsCommand
{
    public const int Broken = 3;
    public const int NoDatabase = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var app = ConsoleApp.Build(args, builder =>
        {
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error";
        });
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DataSetup.ConnectionString(DataSetup.DataDirectory(app.Configuration))).DataSource;
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"没有找到数据库：{file}（用 QIYANG_DATA_DIR 或 Data:Directory 指定控制台的数据目录）");
            return NoDatabase;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var chain = scope.ServiceProvider.GetRequiredService<LogChainService>();
        var intact = true;
        foreach (var (kind, name) in new[] { (LogKind.Operations, "操作日志"), (LogKind.Logins, "登录日志") })
        {
            var report = await chain.VerifyAsync(kind);
            intact &= report.Intact;
            Console.WriteLine($"{name}：{report.Describe()}");
            Console.WriteLine($"  链尾哈希 {report.TipHash}");
        }
        return intact ? 0 : Broken;
    }
}
