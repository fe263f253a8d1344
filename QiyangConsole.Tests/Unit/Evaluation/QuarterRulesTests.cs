using System.Globalization;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>
/// 季结账. Month tables are written "A:90,85*,80;B:…|C:…": letters are units (A = id 1, …), each value is one
/// month of the quarter in order, "*" marks a lagging month, ";" separates units and "|" starts the next
/// group (group ids 1, 2, …). Expected results are "A:months/sum/average/rank/laggingMonths/Y|N" in
/// output order (group, rank, unit), with "|" between groups.
/// </summary>
public sealed class QuarterRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(11, 4)]
    [InlineData(12, 4)]
    public void QuarterOf(int month, int expected) => Assert.Equal(expected, QuarterRules.QuarterOf(month));

    [Theory]
    [InlineData(1, "1,2,3")]
    [InlineData(2, "4,5,6")]
    [InlineData(3, "7,8,9")]
    [InlineData(4, "10,11,12")]
    public void MonthsOf(int quarter, string expected)
    {
        Assert.Equal(expected, string.Join(",", QuarterRules.MonthsOf(quarter)));
        Assert.All(QuarterRules.MonthsOf(quarter), m => Assert.Equal(quarter, QuarterRules.QuarterOf(m)));
    }

    [Theory]
    // one group: sums 270, 263, 263, 251 rank 1, 2, 2, 4; averages rounded to 2 decimals
    [InlineData("A:90,88,92;B:85*,80*,86;C:88,90*,85;D:87,89,87",
        "A:3/270/90/1/0/N;C:3/263/87.67/2/1/N;D:3/263/87.67/2/0/N;B:3/251/83.67/4/2/Y")]
    // the statement falls due at two lagging months: 0 → N, 1 → N, 2 → Y, 3 → Y (equal sums all rank 1)
    [InlineData("A:80*,80,80;B:80*,80*,80;C:80*,80*,80*;D:80,80,80",
        "A:3/240/80/1/1/N;B:3/240/80/1/2/Y;C:3/240/80/1/3/Y;D:3/240/80/1/0/N")]
    // lagging months need not be consecutive
    [InlineData("A:70*,90,71*;B:95,96,97",
        "B:3/288/96/1/0/N;A:3/231/77/2/2/Y")]
    // two groups, ranked separately; C and F have only two months, averaged over two and ranked by their sum
    [InlineData("A:95,96,94;B:80*,82,81*;C:90,91|D:70*,72*,71*;E:75,76,74;F:88.5,80.2*",
        "A:3/285/95/1/0/N;B:3/243/81/2/2/Y;C:2/181/90.5/3/0/N|E:3/225/75/1/0/N;D:3/213/71/2/3/Y;F:2/168.7/84.35/3/1/N")]
    // a unit with two months still leads when its sum is highest
    [InlineData("A:95,96;B:60,60,60",
        "A:2/191/95.5/1/0/N;B:3/180/60/2/0/N")]
    // a single month
    [InlineData("A:77.77*",
        "A:1/77.77/77.77/1/1/N")]
    // negative monthly totals
    [InlineData("A:-2,1,0*;B:5,-10*,3*",
        "A:3/-1/-0.33/1/1/N;B:3/-2/-0.67/2/2/Y")]
    public void Summarise(string months, string expected)
    {
        var input = Parse(months);

        var result = QuarterRules.Summarise(input);

        Assert.Equal(expected, Format(result));
        Assert.All(result, r => Assert.Equal(Math.Round(r.Average, 2), r.Average)); // not just displayed with two decimals

        // the input order does not matter
        Assert.Equal(result, QuarterRules.Summarise(Enumerable.Reverse(input).ToList()));
    }

    [Fact]
    public void No_months_summarise_to_nothing() => Assert.Empty(QuarterRules.Summarise([]));

    // ---- helpers ------------------------------------------------------------------------------

    private static List<MonthResult> Parse(string months) =>
        months.Split('|').SelectMany((group, g) => group.Split(';').SelectMany(unit =>
        {
            var parts = unit.Split(':');
            var unitId = parts[0][0] - 'A' + 1;
            return parts[1].Split(',').Select((value, i) => new MonthResult(
                unitId, g + 1, i + 1,
                decimal.Parse(value.TrimEnd('*'), NumberStyles.Number, CultureInfo.InvariantCulture),
                value.EndsWith('*')));
        })).ToList();

    private static string Format(IReadOnlyList<QuarterResult> results) =>
        string.Join("|", results.GroupBy(r => r.GroupId).Select(g => string.Join(";", g.Select(r =>
            string.Create(CultureInfo.InvariantCulture,
                $"{(char)('A' + r.UnitId - 1)}:{r.Months}/{r.Sum:0.##}/{r.Average:0.##}/{r.Rank}/{r.LaggingMonths}/{(r.StatementByDefault ? "Y" : "N")}")))));
}
