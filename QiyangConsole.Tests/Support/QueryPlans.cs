using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// The SELECTs a service sends while <see cref="Capture"/> is on, and SQLite's plan for each (EXPLAIN QUERY PLAN with the same
/// parameters): how a query finds its rows, which does not depend on the amount of data (the app never runs ANALYZE).
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<(string Sql, SqliteParameter[] Parameters)> _sent = [];
    private bool _capturing;

    public sealed record Plan(string Sql, IReadOnlyList<string> Steps)
    {
        /// <summary>A step that reads a whole table row by row ("SCAN v"), not through an index.</summary>
        public bool ScansTable(string alias) => Steps.Any(s => s == $"SCAN {alias}");
        /// <summary>Rows sorted after reading ("USE TEMP B-TREE FOR ORDER BY"), rather than read in order from an index.</summary>
        public bool SortsAll => Steps.Any(s => s == "USE TEMP B-TREE FOR ORDER BY");
        public bool Uses(string index) => Steps.Any(s => s.Contains($" INDEX {index} ") || s.EndsWith($" INDEX {index}"));
        public override string ToString() => Sql + "\n" + string.Join("\n", Steps);
    }

    /// <summary>Runs <paramref name="action"/> and returns the plans of the SELECTs it sent.</summary>
    public async Task<List<Plan>> Capture(string connectionString, Func<Task> action)
    {
        lock (_sent) { _sent.Clear(); _capturing = true; }
        try { await action(); }
        finally { lock (_sent) _capturing = false; }
        List<(string Sql, SqliteParameter[] Parameters)> sent;
        lock (_sent) sent = [.. _sent.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))];
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var plans = new List<Plan>();
        foreach (var (sql, parameters) in sent)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var p in parameters) explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value));
            var steps = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            plans.Add(new Plan(sql, steps));
        }
        return plans;
    }

    private void Record(DbCommand command)
    {
        lock (_sent)
            if (_capturing) _sent.Add((command.CommandText, command.Parameters.Cast<SqliteParameter>().Select(p => new SqliteParameter(p.ParameterName, p.Value)).ToArray()));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }
}
