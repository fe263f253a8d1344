using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>A named way to fill in a form, run against a test class's own copy of the demo.</summary>
public sealed class Cases<T> : Dictionary<string, Func<T, Task>>
{
    public TheoryData<string> Names => [.. Keys];

    /// <summary>One case per value of <paramref name="values"/>, named by <paramref name="name"/> and the value's position.</summary>
    public Cases<T> Each<TValue>(string name, IEnumerable<TValue> values, Func<T, TValue, Task> run)
    {
        var i = 0;
        foreach (var value in values) Add($"{name} #{++i}", t => run(t, value));
        return this;
    }
}

/// <summary>
/// Tries a form's write path with bad values (each refused, naming the field, nothing written: <see cref="Refusal"/>) and with
/// odd but good text (stored exactly as typed).
/// </summary>
public abstract class BadInputTests(DemoDb demo) : IClassFixture<DemoDb>
{
    protected TestDb Db => demo.Db;

    protected T Get<T>() where T : notnull => Db.Get<T>();

    protected Task<string> Refused(Func<Task> action, params string[] names) => Refusal.UnchangedAsync(Db, action, names);

    /// <summary>Saves <paramref name="value"/> and finds it stored exactly (SQLite compares text byte for byte).</summary>
    protected async Task Kept(string value, Func<string, Task> save, Func<AppDbContext, string, Task<bool>> stored)
    {
        await save(value);
        await using var ctx = Db.CreateDbContext();
        Assert.True(await stored(ctx, value), $"“{value}” was not stored as typed");
    }

    protected async Task<TResult> Query<TResult>(Func<AppDbContext, Task<TResult>> query)
    {
        await using var ctx = Db.CreateDbContext();
        return await query(ctx);
    }

    /// <summary>Signs in as a demo account, with its real id and unit.</summary>
    protected async Task As(string userName, string role)
    {
        var u = await Query(ctx => ctx.Users.AsNoTracking().Where(x => x.UserName == userName).Select(x => new { x.Id, x.UnitId, Unit = x.Unit == null ? null : x.Unit.Name }).SingleAsync());
        Db.SignIn(userName, role, u.UnitId, u.Unit, u.Id);
    }
}
