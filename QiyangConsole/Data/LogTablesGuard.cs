using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Data;

/// <summary>
/// The operation and login logs are append-only for everything that goes through EF: a tracked change or
/// deletion is refused by <see cref="AuditInterceptor"/>, and this refuses the SQL that bypasses the change
/// tracker (ExecuteUpdate, ExecuteDelete, ExecuteSql). Sealing and the retention job write their few
/// statements on the connection directly (<see cref="LogChainService"/>).
/// </summary>
public sealed partial class LogTablesGuard : DbCommandInterceptor
{
    public static readonly LogTablesGuard Instance = new();

    public static string Refusal(string what) => $"{what}只能追加，不能修改或删除（等保 2.0 安全审计）";

    [GeneratedRegex("""(?:^|;)\s*(?:UPDATE|DELETE\s+FROM)\s+(?:\S+\.)?["`\[]?(AuditEntries|LoginRecords)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex Changing();

    private static void Check(DbCommand command)
    {
        var sql = command.CommandText;
        if (!sql.Contains("AuditEntries", StringComparison.OrdinalIgnoreCase) && !sql.Contains("LoginRecords", StringComparison.OrdinalIgnoreCase)) return;
        if (Changing().Match(sql) is { Success: true } m)
            throw new InvalidOperationException(Refusal(m.Groups[1].Value.Equals("AuditEntries", StringComparison.OrdinalIgnoreCase) ? "操作日志" : "登录日志"));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}
