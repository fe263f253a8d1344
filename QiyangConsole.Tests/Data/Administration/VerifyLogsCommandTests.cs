using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary><c>dotnet run --project QiyangConsole -- verify-logs</c>, run as an operator runs it: its own process on a data folder.</summary>
public sealed class VerifyLogsCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet", ["QiyangConsole.dll", "verify-logs"])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["QIYANG_DATA_DIR"] = dataDirectory },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_command_seals_and_verifies_both_logs_exiting_0_when_intact_and_3_when_an_entry_was_changed()
    {
        await using var db = await Seeds.SeededAsync();
        long audit;
        await using (var ctx = db.CreateDbContext())
        {
            audit = await ctx.AuditEntries.LongCountAsync();
            ctx.LoginRecords.Add(new LoginRecord { At = new DateTime(2023, 5, 18, 1, 0, 0), UserName = "office", Succeeded = true, Reason = "登录成功" });
            await ctx.SaveChangesAsync();
        }

        var (code, output) = await RunAsync(db.Directory);
        Assert.True(code == 0, output);
        Assert.Contains($"操作日志：共校验 {audit:N0} 条，链完整", output);
        Assert.Contains("登录日志：共校验 1 条，链完整", output);
        Assert.Matches("链尾哈希 [0-9a-f]{64}", output);

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection(DataSetup.ConnectionString(db.Directory)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE LoginRecords SET Succeeded = 0";
            await command.ExecuteNonQueryAsync();
        }
        (code, output) = await RunAsync(db.Directory);
        Assert.True(code == VerifyLogsCommand.Broken, output);
        Assert.Contains($"操作日志：共校验 {audit:N0} 条，链完整", output);
        Assert.Contains("登录日志：第 #1 条（2023-05-18 09:00 office）与封存时不一致：记录被改动", output);
    }

    [Fact]
    public async Task A_data_folder_without_a_database_is_reported_not_created()
    {
        var empty = Directory.CreateTempSubdirectory("qiyang-empty-").FullName;
        try
        {
            var (code, output) = await RunAsync(empty);
            Assert.True(code == VerifyLogsCommand.NoDatabase, output);
            Assert.Contains("没有找到数据库", output);
            Assert.False(File.Exists(Path.Combine(empty, "qiyang.db")));
        }
        finally { Directory.Delete(empty, recursive: true); }
    }
}
