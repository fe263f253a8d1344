using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>Every connection the console opens waits for a writer (busy_timeout) and reads the file through a memory map (mmap_size), also when it comes again from the pool.</summary>
public class SqlitePragmasTests
{
    [Fact]
    public async Task Every_connection_has_the_busy_timeout_and_the_memory_map_also_when_it_comes_back_from_the_pool()
    {
        await using var db = await TestDb.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await using var context = db.CreateDbContext();
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync();
            Assert.Equal((long)DataSetup.BusyTimeout.TotalMilliseconds, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(SqlitePragmas.MmapBytes, await ScalarAsync(connection, "PRAGMA mmap_size"));
            await context.Database.CloseConnectionAsync();
            if (i == 1) Microsoft.Data.Sqlite.SqliteConnection.ClearPool((Microsoft.Data.Sqlite.SqliteConnection)connection);   // then new handles: they get both too
        }
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }
}
