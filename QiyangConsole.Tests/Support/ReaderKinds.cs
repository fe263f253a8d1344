using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// Which data reader each query of a piece of code ended with: the provider's own (rows read as they arrive) or EF's
/// <c>BufferedDataReader</c> (every row read into memory before the first is used). In every test context; it records
/// only inside <see cref="OfAsync"/>.
/// </summary>
public sealed class ReaderKinds : DbCommandInterceptor
{
    public static readonly ReaderKinds Instance = new();
    private static readonly AsyncLocal<List<string>?> Current = new();

    public static async Task<List<string>> OfAsync(Func<Task> run)
    {
        var kinds = new List<string>();
        Current.Value = kinds;
        try { await run(); }
        finally { Current.Value = null; }
        return kinds;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Current.Value?.Add($"{eventData.DataReader.GetType().Name} ({eventData.ReadCount} reads)");
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Current.Value?.Add($"{eventData.DataReader.GetType().Name} ({eventData.ReadCount} reads)");
        return result;
    }
}
