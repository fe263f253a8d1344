using System.Globalization;
using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>走访记录: what a steward may log (back-dating window, duties, lengths, dates, photo type), the steward's start date, and turning findings into needs.</summary>
public sealed class VisitRulesTests
{
    private const string Today = "2024-06-15";
    private static readonly string Long1000 = new('字', 1000);
    private static readonly string Long1001 = new('字', 1001);

    // ---- Logging a visit -----------------------------------------------------------------------

    public static TheoryData<int?, string?, StewardDuties, string?, string?, string?, string?, string?> Visits => new()
    {
        // The enterprise and the date are required
        { null, "2024-06-15", StewardDuties.Informant, "宣传政策", null, null, null, "请选择走访的企业" },
        { 1, null, StewardDuties.Informant, "宣传政策", null, null, null, "请填写走访日期" },
        // Today is fine, tomorrow is refused
        { 1, "2024-06-15", StewardDuties.Informant, "宣传政策", null, null, null, null },
        { 1, "2024-06-16", StewardDuties.Informant, "宣传政策", null, null, null, "走访日期不能晚于今天" },
        // 90 days back is allowed, 91 refused
        { 1, "2024-03-17", StewardDuties.Informant, "宣传政策", null, null, null, null },
        { 1, "2024-03-16", StewardDuties.Informant, "宣传政策", null, null, null, "只能补记 90 天内的走访" },
        // At least one of the five duties; bits outside the five do not count
        { 1, "2024-06-15", StewardDuties.None, "宣传政策", null, null, null, "请至少选择一项履行的“五员”职责" },
        { 1, "2024-06-15", (StewardDuties)64, "宣传政策", null, null, null, "请至少选择一项履行的“五员”职责" },
        { 1, "2024-06-15", Duties.Every, "宣传政策", null, null, null, null },
        // What was done: required, at most 1000 characters after trimming
        { 1, "2024-06-15", StewardDuties.Errands, null, null, null, null, "请填写走访内容（做了什么）" },
        { 1, "2024-06-15", StewardDuties.Errands, "   ", null, null, null, "请填写走访内容（做了什么）" },
        { 1, "2024-06-15", StewardDuties.Errands, Long1000, null, null, null, null },
        { 1, "2024-06-15", StewardDuties.Errands, "  " + Long1000 + "  ", null, null, null, null },
        { 1, "2024-06-15", StewardDuties.Errands, Long1001, null, null, null, "走访内容不能超过 1000 个字" },
        // The next contact: not before the visit (the same day is fine)
        { 1, "2024-06-10", StewardDuties.Liaison, "对接部门", null, "2024-06-09", null, "下次联系日期不能早于走访日期" },
        { 1, "2024-06-10", StewardDuties.Liaison, "对接部门", null, "2024-06-10", null, null },
        { 1, "2024-06-10", StewardDuties.Liaison, "对接部门", null, "2024-07-10", null, null },
        // Problems found: optional, at most 1000 characters after trimming
        { 1, "2024-06-15", StewardDuties.Sales, "推介产品", Long1000, null, null, null },
        { 1, "2024-06-15", StewardDuties.Sales, "推介产品", " " + Long1000 + " ", null, null, null },
        { 1, "2024-06-15", StewardDuties.Sales, "推介产品", Long1001, null, null, "发现的问题不能超过 1000 个字" },
        // The photo: jpg, jpeg, png, webp or heic, any case
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "现场.jpg", null },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "现场.JPEG", null },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "a.png", null },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "a.webp", null },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "IMG_0001.HEIC", null },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "a.gif", "照片应为 jpg、png、webp 或 heic 格式" },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "a.pdf", "照片应为 jpg、png、webp 或 heic 格式" },
        { 1, "2024-06-15", StewardDuties.Safeguard, "维护权益", null, null, "photo", "照片应为 jpg、png、webp 或 heic 格式" },
        // The first problem is the one reported
        { null, "2024-06-16", StewardDuties.None, null, null, null, "a.gif", "请选择走访的企业" },
        { 1, "2024-06-16", StewardDuties.None, null, null, null, "a.gif", "走访日期不能晚于今天" },
        { 1, "2024-06-15", StewardDuties.None, null, null, null, "a.gif", "请至少选择一项履行的“五员”职责" },
        { 1, "2024-06-15", StewardDuties.Informant, "宣传政策", Long1001, null, "a.gif", "发现的问题不能超过 1000 个字" },
    };

    [Theory]
    [MemberData(nameof(Visits))]
    public void Problem(int? enterpriseId, string? visitedOn, StewardDuties duties, string? done, string? problemsFound, string? nextContactOn, string? photo, string? expected) =>
        Assert.Equal(expected, VisitRules.Problem(enterpriseId, N(visitedOn), duties, done, problemsFound, N(nextContactOn), photo, D(Today)));

    [Theory]
    [InlineData("2024-05-01", null, null)]
    [InlineData("2024-05-01", "2024-05-01", null)]
    [InlineData("2024-05-02", "2024-05-01", null)]
    [InlineData("2024-04-30", "2024-05-01", "走访日期不能早于您担任该企业管家的日期（2024-05-01）")]
    public void Steward_since(string visitedOn, string? since, string? expected) =>
        Assert.Equal(expected, VisitRules.StewardSinceProblem(D(visitedOn), N(since)));

    // ---- Findings handed on --------------------------------------------------------------------

    private static readonly string[] NeedTypes = ["用工", "融资"];

    [Theory]
    [InlineData(null, "缺工人", "2024-06-20", "请选择需求类型")]
    [InlineData("用地", "缺工人", "2024-06-20", "请选择需求类型")]
    [InlineData("用工", null, "2024-06-20", "请填写需求内容")]
    [InlineData("用工", "  ", "2024-06-20", "请填写需求内容")]
    [InlineData("用工", "缺工人", null, "请填写不早于今天的办理期限")]
    [InlineData("用工", "缺工人", "2024-06-14", "请填写不早于今天的办理期限")]
    [InlineData("用工", "缺工人", "2024-06-15", null)]
    [InlineData("融资", "缺资金", "2024-12-31", null)]
    public void Need(string? type, string? description, string? deadline, string? expected) =>
        Assert.Equal(expected, VisitRules.NeedProblem(type, NeedTypes, description, N(deadline), D(Today)));

    [Theory]
    [InlineData(500, null)]
    [InlineData(501, "需求内容不能超过 500 个字")]
    public void Need_description_length(int length, string? expected) =>
        Assert.Equal(expected, VisitRules.NeedProblem("用工", NeedTypes, new string('需', length), D(Today), D(Today)));

    [Theory]
    [InlineData(false, false, "该走访没有记录发现的问题")]
    [InlineData(false, true, "该走访没有记录发现的问题")]
    [InlineData(true, true, "该走访发现的问题已经转办过")]
    [InlineData(true, false, null)]
    public void Convert(bool hasProblemsFound, bool alreadyConverted, string? expected) =>
        Assert.Equal(expected, VisitRules.ConvertProblem(hasProblemsFound, alreadyConverted));

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? N(string? text) => text is null ? null : D(text);
}
