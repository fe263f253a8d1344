using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>
/// What a refusal must be: a <see cref="DomainException"/> (or the calendar's own refusal) whose message is Chinese and names
/// the field, and nothing written. "Nothing written" is SQLite's <c>PRAGMA data_version</c> read on a connection of our own:
/// it moves whenever any other connection commits, so one row saved half-way shows as plainly as a whole record.
/// </summary>
internal static partial class Refusal
{
    /// <summary>Runs <paramref name="action"/>, which must be refused naming each of <paramref name="names"/>, with the database untouched.</summary>
    public static async Task<string> UnchangedAsync(TestDb db, Func<Task> action, params string[] names)
    {
        await using var watch = await Watch.StartAsync(db);
        Exception? thrown = null;
        try { await action(); }
        catch (Exception ex) { thrown = ex; }
        Assert.True(thrown is DomainException or CalendarMissingException,
            thrown is null ? "accepted (nothing refused it)" : $"refused with {thrown.GetType().Name}: {thrown.Message}");
        var message = thrown!.Message;
        Chinese(message);
        foreach (var name in names) Assert.Contains(name, message);
        await watch.AssertUnchangedAsync(message);
        return message;
    }

    /// <summary>A message a Chinese user can read: Chinese, and no English words outside the quoted values it repeats.</summary>
    public static void Chinese(string message)
    {
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        var own = Quoted().Replace(message, "");
        Assert.DoesNotMatch(English(), own);
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?i)\b(the|is|must|cannot|invalid|error|exception|failed|null|constraint|object|value|instance|sequence|index|format|input)\b")]
    private static partial Regex English();

    /// <summary>Commits by any connection but its own, seen through <c>PRAGMA data_version</c>.</summary>
    public sealed class Watch : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly long _before;

        private Watch(SqliteConnection connection, long before) => (_connection, _before) = (connection, before);

        public static async Task<Watch> StartAsync(TestDb db)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(DataSetup.ConnectionString(db.Directory)) { Pooling = false }.ToString());
            await connection.OpenAsync();
            return new Watch(connection, await VersionAsync(connection));
        }

        public async Task<bool> ChangedAsync() => await VersionAsync(_connection) != _before;

        public async Task AssertUnchangedAsync(string message) => Assert.False(await ChangedAsync(), $"refused (“{message}”) but something was written");

        private static async Task<long> VersionAsync(SqliteConnection connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
