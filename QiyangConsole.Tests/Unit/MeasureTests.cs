using QiyangConsole.Benchmark;

namespace QiyangConsole.Tests.Unit;

/// <summary>The benchmark's paired timing: ours and the reference in turns, each run timed on its own side.</summary>
public class MeasureTests
{
    [Fact]
    public async Task Paired_runs_take_turns_going_first_and_time_each_side_apart()
    {
        var order = new List<string>();
        var (ours, theirs) = await Measure.PairedAsync(
            async () => { order.Add("ours"); await Task.Delay(100); },
            () => { order.Add("theirs"); return Task.CompletedTask; },
            warmups: 1, repeats: 4, between: () => { order.Add("|"); return Task.CompletedTask; });

        Assert.Equal(
            ["ours", "|", "theirs", "|",                      // warm-up
             "ours", "|", "theirs", "|", "theirs", "|", "ours", "|",
             "ours", "|", "theirs", "|", "theirs", "|", "ours", "|"], order);
        Assert.Equal(4, ours.Ms.Length);
        Assert.Equal(4, theirs.Ms.Length);
        Assert.All(ours.Ms, ms => Assert.True(ms >= 95, $"ours {ms} ms"));
        Assert.All(theirs.Ms, ms => Assert.True(ms < 90, $"theirs {ms} ms"));
    }

    [Fact]
    public async Task Warm_up_lasts_its_rounds_and_at_least_its_time()
    {
        var (rounds, watch) = (0, System.Diagnostics.Stopwatch.StartNew());
        var (ours, _) = await Measure.PairedAsync(() => { rounds++; return Task.Delay(10); }, () => Task.CompletedTask,
            warmups: 2, repeats: 3, warmFor: TimeSpan.FromMilliseconds(300));

        Assert.True(watch.ElapsedMilliseconds >= 300, $"{watch.ElapsedMilliseconds} ms");
        Assert.True(rounds - 3 > 2, $"{rounds - 3} warm-up rounds: the time should have asked for more than the two rounds");
        Assert.Equal(3, ours.Ms.Length);

        rounds = 0;
        await Measure.PairedAsync(() => { rounds++; return Task.CompletedTask; }, () => Task.CompletedTask, warmups: 2, repeats: 3);
        Assert.Equal(5, rounds);
    }
}
