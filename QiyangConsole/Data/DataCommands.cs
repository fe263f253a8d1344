using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Data;

/// <summary>
/// <c>migrate</c>: brings the configured database (SQLite or PostgreSQL) to this build's schema and stops, for a
/// deployment step before the instances start. <c>copy-to CONNECTION</c>: copies a stopped console's SQLite data into an
/// empty PostgreSQL database and prints the rows per table on both sides. Exit codes: 0 done, 1 refused or failed, 2 usage.
/// </summary>
public static class DataCommands
{
    public static async Task<int> MigrateAsync(string[] args)
    {
        var config = WebApplication.CreateBuilder(args).Configuration;
        var engine = DatabaseEngine.From(config, DataSetup.DataDirectory(config));
        return await RunAsync(async () =>
        {
            await using var turn = await StartupTurn.TakeAsync(engine);
            await using var db = Context(engine);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await DataSetup.MigrateAsync(db);
            Console.WriteLine(pending.Count == 0 ? $"{engine.Provider} 数据库已是最新结构" : $"{engine.Provider} 数据库已应用 {pending.Count} 个迁移：{string.Join("、", pending)}");
        });
    }

    public static async Task<int> CopyToAsync(string[] args)
    {
        var connection = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (connection is null)
        {
            Console.Error.WriteLine("usage: copy-to \"Host=…;Database=…;Username=…;Password=…\"   (an empty PostgreSQL database)");
            return 2;
        }
        var config = WebApplication.CreateBuilder(args.Where(a => !ReferenceEquals(a, connection)).ToArray()).Configuration;
        var dataDirectory = DataSetup.DataDirectory(config);
        var source = DatabaseEngine.From(config, dataDirectory);
        return await RunAsync(async () =>
        {
            if (!source.IsSqlite) throw new InvalidOperationException("控制台已配置为 PostgreSQL：copy-to 从数据目录中的 SQLite 数据库复制");
            if (!File.Exists(DatabaseBackup.DatabasePath(dataDirectory))) throw new InvalidOperationException($"数据目录 {dataDirectory} 中没有数据库");
            // A console writing meanwhile would lose what it writes after the copy: only a stopped console is copied.
            using var folder = DataFolderLock.TryExclusive(dataDirectory)
                ?? throw new InvalidOperationException("控制台正在使用该数据目录：请先停止控制台，再复制");
            await using var from = Context(source);
            await using var to = Context(new DatabaseEngine(DatabaseProvider.PostgreSql, connection));
            var counts = await DataCopy.CopyAsync(from, to, line => Console.WriteLine("  " + line));
            Console.WriteLine($"{"表",-28}{"SQLite",12}{"PostgreSQL",12}");
            foreach (var c in counts) Console.WriteLine($"{c.Table,-28}{c.Source,12:N0}{c.Target,12:N0}{(c.Matches ? "" : "  ✗ 不一致")}");
            if (counts.Any(c => !c.Matches)) throw new InvalidOperationException("有表的行数不一致，见上表");
            Console.WriteLine($"已复制 {counts.Count} 张表、{counts.Sum(c => c.Target):N0} 行，行数逐表一致。把控制台配置为 Database:Provider=PostgreSql 后启动。");
        });
    }

    private static AppDbContext Context(DatabaseEngine engine)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        engine.Configure(options, new AuditInterceptor(TimeProvider.System));
        return engine.NewContext(options.Options, null);
    }

    private static async Task<int> RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
