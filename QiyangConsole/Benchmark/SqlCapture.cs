using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QiyangConsole.Benchmark;

/// <summary>A SQL statement as EF sent it, with its parameter values.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Records the SQL that EF sends while a piece of code runs (EF's diagnostic events, in this async
/// flow only), so a reference can run the very same statements over plain ADO.NET: the difference
/// is what EF, the service and its mapping add on top of the database's own work.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<CapturedCommand>?> Current = new();
    private static readonly SqlCapture Instance = new();
    private static int _subscribed;

    public static async Task<IReadOnlyList<CapturedCommand>> CommandsOfAsync(Func<Task> run)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0) DiagnosticListener.AllListeners.Subscribe(Instance);
        var list = new List<CapturedCommand>();
        Current.Value = list;
        try { await run(); }
        finally { Current.Value = null; }
        return list;
    }

    /// <summary>Runs the statements on a new connection and reads every value of every row; returns the rows read.</summary>
    public static async Task<int> ReplayAsync(BenchContext c, IReadOnlyList<CapturedCommand> commands, Func<DbDataReader, Task>? perRow = null)
    {
        await using var connection = await c.OpenAsync();
        var rows = 0;
        foreach (var captured in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = captured.Text;
            foreach (var (name, value) in captured.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                if (perRow is not null) await perRow(reader);
                else reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        // Enabled only inside a capture: a listener enabled all the time would have EF build the data of every event of
        // every query of the run (ours, never the reference's plain ADO.NET), which costs EF a part of a short query.
        if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this, (Predicate<string>)(_ => Current.Value is not null));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (Current.Value is { } list && e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data)
            list.Add(new CapturedCommand(data.Command.CommandText,
                data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value)).ToList()));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
}
