using System.Globalization;
using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>五员 duties (parse and name), the 帮代办 state machine (every pair), coverage and visit freshness.</summary>
public sealed class EnterpriseRulesTests
{
    private const string AllNames = "信息员、办事员、联络员、销售员、保障员";

    private static string NotADuty(string word) => $"“{word}”不是五员职责之一（信息员、办事员、联络员、销售员、保障员）";

    // ---- Duties --------------------------------------------------------------------------------

    [Theory]
    [InlineData("信息员", StewardDuties.Informant)]
    [InlineData("办事员", StewardDuties.Errands)]
    [InlineData("联络员", StewardDuties.Liaison)]
    [InlineData("销售员", StewardDuties.Sales)]
    [InlineData("保障员", StewardDuties.Safeguard)]
    [InlineData("信息员、办事员", StewardDuties.Informant | StewardDuties.Errands)]
    [InlineData("联络员,销售员", StewardDuties.Liaison | StewardDuties.Sales)]
    [InlineData("销售员，保障员", StewardDuties.Sales | StewardDuties.Safeguard)]
    [InlineData("信息员/保障员", StewardDuties.Informant | StewardDuties.Safeguard)]
    [InlineData("办事员 联络员", StewardDuties.Errands | StewardDuties.Liaison)]
    [InlineData("办事员;联络员；销售员", StewardDuties.Errands | StewardDuties.Liaison | StewardDuties.Sales)]
    [InlineData("保障员、信息员", StewardDuties.Informant | StewardDuties.Safeguard)] // order does not matter
    [InlineData("信息员、信息员", StewardDuties.Informant)]                            // repeats are harmless
    [InlineData("、信息员、，办事员 / ", StewardDuties.Informant | StewardDuties.Errands)] // empty parts are skipped
    [InlineData(AllNames, Duties.Every)]
    [InlineData("信息员,办事员，联络员/销售员 保障员", Duties.Every)]
    public void Parse_reads_duty_names_with_any_separator(string text, StewardDuties expected) =>
        Assert.Equal(expected, Duties.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("、，,/；;")]
    public void Parse_of_nothing_is_None(string? text) =>
        Assert.Equal(StewardDuties.None, Duties.Parse(text));

    [Theory]
    [InlineData("司机", "司机")]
    [InlineData("信息员、司机", "司机")]
    [InlineData("信息", "信息")]              // a prefix is not a duty
    [InlineData("信息员办事员", "信息员办事员")] // names must be separated
    [InlineData("信息员、Informant", "Informant")]
    public void Parse_of_an_unknown_word_throws_naming_it(string text, string word)
    {
        var e = Assert.Throws<FormatException>(() => Duties.Parse(text));
        Assert.Equal(NotADuty(word), e.Message);
    }

    [Theory]
    [InlineData(StewardDuties.None, "")]
    [InlineData(StewardDuties.Informant, "信息员")]
    [InlineData(StewardDuties.Safeguard, "保障员")]
    [InlineData(StewardDuties.Safeguard | StewardDuties.Informant, "信息员、保障员")]
    [InlineData(StewardDuties.Sales | StewardDuties.Errands | StewardDuties.Liaison, "办事员、联络员、销售员")]
    [InlineData(Duties.Every, AllNames)]
    public void Names_lists_duties_in_the_fixed_order(StewardDuties duties, string expected) =>
        Assert.Equal(expected, Duties.Names(duties));

    [Fact]
    public void Names_and_Parse_round_trip_every_combination()
    {
        for (var i = 0; i <= (int)Duties.Every; i++)
        {
            var duties = (StewardDuties)i;
            Assert.Equal(duties, Duties.Parse(Duties.Names(duties)));
        }
        Assert.Equal(AllNames, string.Join("、", Duties.All.Select(d => d.Name)));
        Assert.Equal(Duties.Every, Duties.All.Aggregate(StewardDuties.None, (a, d) => a | d.Duty));
    }

    // ---- 帮代办 --------------------------------------------------------------------------------

    [Theory]
    [InlineData(HelpState.Accepted, HelpAction.Start, HelpState.InProgress, null)]
    [InlineData(HelpState.Accepted, HelpAction.Finish, HelpState.Finished, null)] // a simple matter may be finished at once
    [InlineData(HelpState.Accepted, HelpAction.Reopen, null, "事项当前状态不能执行此操作")]
    [InlineData(HelpState.InProgress, HelpAction.Start, null, "事项已在办理中")]
    [InlineData(HelpState.InProgress, HelpAction.Finish, HelpState.Finished, null)]
    [InlineData(HelpState.InProgress, HelpAction.Reopen, null, "事项当前状态不能执行此操作")]
    // 已办结 is final: even Reopen is refused (a new matter is opened instead)
    [InlineData(HelpState.Finished, HelpAction.Start, null, "事项已办结")]
    [InlineData(HelpState.Finished, HelpAction.Finish, null, "事项已办结")]
    [InlineData(HelpState.Finished, HelpAction.Reopen, null, "事项已办结")]
    public void Next(HelpState state, HelpAction action, HelpState? expectedNext, string? expectedError)
    {
        if (expectedError is null)
        {
            Assert.Equal(expectedNext, HelpMatters.Next(state, action));
        }
        else
        {
            var e = Assert.Throws<InvalidOperationException>(() => HelpMatters.Next(state, action));
            Assert.Equal(expectedError, e.Message);
        }
    }

    [Fact]
    public void The_table_above_covers_every_state_and_action()
    {
        Assert.Equal(3, Enum.GetValues<HelpState>().Length);
        Assert.Equal(3, Enum.GetValues<HelpAction>().Length);
    }

    // ---- Coverage and visits -------------------------------------------------------------------

    [Theory]
    [InlineData(0, 0, "100")]    // an empty park counts as fully covered
    [InlineData(0, 5, "0")]
    [InlineData(240, 240, "100")]
    [InlineData(239, 240, "99.6")] // 99.5833…
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")]
    // Midpoints round away from zero (banker's rounding would give 6.2, 31.2 and 1.2)
    [InlineData(1, 16, "6.3")]   // 6.25
    [InlineData(5, 16, "31.3")]  // 31.25
    [InlineData(1, 80, "1.3")]   // 1.25
    [InlineData(3, 16, "18.8")]  // 18.75
    [InlineData(1, 1000, "0.1")] // 0.1
    [InlineData(1, 2000, "0.1")] // 0.05
    [InlineData(1, 2001, "0")]   // 0.04997…
    public void CoveragePercent_has_one_decimal(int covered, int all, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Stewarding.CoveragePercent(covered, all));

    private static readonly DateOnly Today = new(2025, 6, 30);

    [Theory]
    [InlineData(null, 30, true)] // never visited
    [InlineData(0, 30, false)]
    [InlineData(29, 30, false)]
    [InlineData(30, 30, false)] // exactly N days ago is still in time
    [InlineData(31, 30, true)]  // N + 1 is overdue
    [InlineData(365, 30, true)]
    [InlineData(-1, 30, false)] // a visit dated tomorrow
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(null, 0, true)]
    [InlineData(90, 90, false)]
    [InlineData(91, 90, true)]
    public void VisitOverdue_boundaries(int? daysAgo, int days, bool overdue)
    {
        DateOnly? last = daysAgo is { } n ? Today.AddDays(-n) : null;
        Assert.Equal(overdue, Stewarding.VisitOverdue(last, Today, days));
    }

    [Theory]
    [InlineData("2025-06-30", 30, "2025-05-31")]
    [InlineData("2024-03-01", 1, "2024-02-29")] // leap year
    [InlineData("2025-01-15", 30, "2024-12-16")]
    [InlineData("2025-06-30", 0, "2025-06-30")]
    public void OverdueBefore_is_today_minus_days(string today, int days, string expected)
    {
        var t = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), Stewarding.OverdueBefore(t, days));
    }

    [Fact]
    public void OverdueBefore_agrees_with_VisitOverdue()
    {
        foreach (var days in new[] { 0, 1, 30, 90 })
        {
            var before = Stewarding.OverdueBefore(Today, days);
            for (var ago = -3; ago <= 120; ago++)
            {
                var last = Today.AddDays(-ago);
                Assert.Equal(last < before, Stewarding.VisitOverdue(last, Today, days));
            }
        }
    }
}
