using System.Globalization;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Projects.Rules;

namespace QiyangConsole.Tests.Unit.Projects;

/// <summary>The checks on what the Office types into a project: the register, factors, permit dates, plan nodes, needs, checklist templates.</summary>
public sealed class ProjectChecksTests
{
    private static readonly string[] Industries = ["装备制造", "新材料"];
    private static readonly string[] Regions = ["长三角", "珠三角"];
    private static readonly string[] InvestorTypes = ["民营", "国有"];
    private const string Today = "2024-06-15";

    // ---- The register --------------------------------------------------------------------------

    [Theory]
    [InlineData("智能装备产业园", "某某集团", "5000", "装备制造", "长三角", "民营", "2024-01-01", null)]
    // name and investor
    [InlineData(null, "某某集团", "5000", "装备制造", "长三角", "民营", "2024-01-01", "项目名称不能为空")]
    [InlineData("  ", "某某集团", "5000", "装备制造", "长三角", "民营", "2024-01-01", "项目名称不能为空")]
    [InlineData("项目", null, "5000", "装备制造", "长三角", "民营", "2024-01-01", "投资企业不能为空")]
    [InlineData("项目", " ", "5000", "装备制造", "长三角", "民营", "2024-01-01", "投资企业不能为空")]
    // investment in 万元: more than 0, two decimals at most, at most 100,000,000
    [InlineData("项目", "集团", "0", "装备制造", "长三角", "民营", "2024-01-01", "投资额应为大于 0 的金额（万元）")]
    [InlineData("项目", "集团", "-1", "装备制造", "长三角", "民营", "2024-01-01", "投资额应为大于 0 的金额（万元）")]
    [InlineData("项目", "集团", "0.01", "装备制造", "长三角", "民营", "2024-01-01", null)]
    [InlineData("项目", "集团", "12.345", "装备制造", "长三角", "民营", "2024-01-01", "投资额最多保留两位小数（万元）")]
    [InlineData("项目", "集团", "12.34", "装备制造", "长三角", "民营", "2024-01-01", null)]
    [InlineData("项目", "集团", "100000000", "装备制造", "长三角", "民营", "2024-01-01", null)]
    [InlineData("项目", "集团", "100000000.01", "装备制造", "长三角", "民营", "2024-01-01", "投资额超出合理范围，请确认单位为万元")]
    // the three dictionaries, in order
    [InlineData("项目", "集团", "5000", null, "长三角", "民营", "2024-01-01", "请选择行业")]
    [InlineData("项目", "集团", "5000", "餐饮", "长三角", "民营", "2024-01-01", "请选择行业")]
    [InlineData("项目", "集团", "5000", "装备制造", "京津冀", "民营", "2024-01-01", "请选择来源地区")]
    [InlineData("项目", "集团", "5000", "装备制造", "长三角", null, "2024-01-01", "请选择投资方类型")]
    [InlineData("项目", "集团", "5000", "新材料", "珠三角", "国有", "2024-01-01", null)]
    // the date talks began
    [InlineData("项目", "集团", "5000", "装备制造", "长三角", "民营", null, "请填写洽谈日期")]
    // the first problem is reported
    [InlineData("", "", "0", null, null, null, null, "项目名称不能为空")]
    [InlineData("项目", "集团", "0", null, null, null, null, "投资额应为大于 0 的金额（万元）")]
    public void Edit(string? name, string? investor, string investment, string? industry, string? region, string? investorType, string? negotiatingOn, string? expected) =>
        Assert.Equal(expected, ProjectChecks.EditProblem(name, investor, decimal.Parse(investment, CultureInfo.InvariantCulture), industry, Industries,
            region, Regions, investorType, InvestorTypes, N(negotiatingOn)));

    [Theory]
    [InlineData(ProjectStage.Negotiating, "2024-05-01", null, null)]
    [InlineData(ProjectStage.Negotiating, "2024-05-01", "2024-04-01", null)] // not yet signed: the signing date does not bind
    [InlineData(ProjectStage.Signed, "2024-04-01", "2024-04-01", null)]
    [InlineData(ProjectStage.Signed, "2024-04-02", "2024-04-01", "洽谈日期不能晚于签约日期")]
    [InlineData(ProjectStage.Started, "2024-04-02", "2024-04-01", "洽谈日期不能晚于签约日期")]
    [InlineData(ProjectStage.Terminated, "2024-04-02", null, null)] // terminated while in talks: no signing date
    public void Negotiating(ProjectStage stage, string negotiatingOn, string? signedOn, string? expected) =>
        Assert.Equal(expected, ProjectChecks.NegotiatingProblem(stage, D(negotiatingOn), N(signedOn)));

    [Theory]
    [InlineData(null, "请填写进场日期")]
    [InlineData("2024-06-01", null)]
    public void Enter_site(string? on, string? expected) => Assert.Equal(expected, ProjectChecks.EnterSiteProblem(N(on)));

    // ---- Factors -------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, null, null, null, null, null, null)]
    [InlineData("100", "0", null, "5000", "0", null, null)]
    [InlineData("-1", null, null, null, null, null, "要素保障数量不能为负数")]
    [InlineData(null, "-0.5", null, null, null, null, "要素保障数量不能为负数")]
    [InlineData(null, null, null, "-1", null, null, "要素保障数量不能为负数")]
    [InlineData(null, null, null, null, "-1", "2024-06-01", "要素保障数量不能为负数")]
    [InlineData("100", "50", null, null, null, null, "请填写土地准备到位日期")]
    [InlineData("100", "50", "2024-06-01", null, null, null, null)]
    [InlineData(null, null, null, "5000", "0.1", null, "请填写厂房准备到位日期")]
    [InlineData(null, null, null, "5000", "4000", "2024-06-01", null)]
    public void Factors(string? landNeeded, string? landReady, string? landReadyOn, string? factoryNeeded, string? factoryReady, string? factoryReadyOn, string? expected) =>
        Assert.Equal(expected, ProjectChecks.FactorsProblem(M(landNeeded), M(landReady), N(landReadyOn), M(factoryNeeded), M(factoryReady), N(factoryReadyOn)));

    // ---- Permits -------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, null, null, null, null, null)]
    [InlineData("2024-03-01", null, null, null, null, null)]
    [InlineData("2024-03-01", "2024-03-01", "2024-03-02", "2024-03-03", "2024-03-03", null)]
    // each step needs the one before it
    [InlineData(null, "2024-03-01", null, null, null, "请先填写“不动产权证”之前一步的日期")]
    [InlineData("2024-03-01", null, "2024-03-02", null, null, "请先填写“建设用地规划许可证”之前一步的日期")]
    [InlineData("2024-03-01", null, null, "2024-03-02", null, "请先填写“建设工程规划许可证”之前一步的日期")]
    [InlineData("2024-03-01", "2024-03-01", "2024-03-02", null, "2024-03-03", "请先填写“施工许可证”之前一步的日期")]
    // and is no earlier than it (the construction permit follows the later planning permit)
    [InlineData("2024-03-02", "2024-03-01", null, null, null, "“不动产权证”核发日期不能早于前一步日期 2024-03-02")]
    [InlineData("2024-03-01", "2024-03-05", "2024-03-04", null, null, "“建设用地规划许可证”核发日期不能早于前一步日期 2024-03-05")]
    [InlineData("2024-03-01", "2024-03-05", "2024-03-05", "2024-03-04", null, "“建设工程规划许可证”核发日期不能早于前一步日期 2024-03-05")]
    [InlineData("2024-03-01", "2024-03-01", "2024-03-02", "2024-03-08", "2024-03-07", "“施工许可证”核发日期不能早于前一步日期 2024-03-08")]
    [InlineData("2024-03-01", "2024-03-01", "2024-03-08", "2024-03-02", "2024-03-08", null)]
    // none in the future (today is fine)
    [InlineData("2024-06-15", "2024-06-15", null, null, null, null)]
    [InlineData("2024-06-15", "2024-06-16", null, null, null, "证照日期不能晚于今天")]
    [InlineData("2024-06-16", null, null, null, null, "证照日期不能晚于今天")]
    public void Permits(string? land, string? certificate, string? landPlanning, string? worksPlanning, string? construction, string? expected) =>
        Assert.Equal(expected, ProjectChecks.PermitsProblem(N(land), N(certificate), N(landPlanning), N(worksPlanning), N(construction), D(Today)));

    [Theory]
    [InlineData(null, null)]
    [InlineData("2024-03-01,2023-12-01", null)]
    [InlineData("2024-03-01,2025-01-02", "2025年的工作日历尚未载入，无法计算工作日，请在“系统管理 → 工作日历”中维护该年安排")]
    [InlineData("2022-03-01,2025-01-02", "2022年的工作日历尚未载入，无法计算工作日，请在“系统管理 → 工作日历”中维护该年安排")]
    public void Permit_calendar(string? dates, string? expected)
    {
        var list = (dates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => (DateOnly?)D(s)).Append(null);
        Assert.Equal(expected, ProjectChecks.PermitCalendarProblem(list, year => year is 2023 or 2024));
    }

    // ---- Comments, plan nodes, needs, templates -------------------------------------------------

    [Theory]
    [InlineData(null, "请填写意见")]
    [InlineData(" ", "请填写意见")]
    [InlineData("加快推进", null)]
    public void Comment(string? text, string? expected) => Assert.Equal(expected, ProjectChecks.CommentProblem(text));

    [Theory]
    [InlineData(null, "2024-07-01", "请填写节点名称")]
    [InlineData("  ", "2024-07-01", "请填写节点名称")]
    [InlineData("完成环评", null, "请填写节点完成时限")]
    [InlineData("完成环评", "2024-07-01", null)]
    [InlineData("完成环评", "2020-01-01", null)] // a time limit in the past may be recorded
    public void Node(string? name, string? dueOn, string? expected) => Assert.Equal(expected, ProjectChecks.NodeProblem(name, N(dueOn)));

    [Theory]
    [InlineData(true, "2024-06-01", "节点已完成")]
    [InlineData(false, null, "请填写不晚于今天的完成日期")]
    [InlineData(false, "2024-06-16", "请填写不晚于今天的完成日期")]
    [InlineData(false, "2024-06-15", null)]
    [InlineData(false, "2023-01-01", null)]
    public void Complete_node(bool alreadyDone, string? doneOn, string? expected) =>
        Assert.Equal(expected, ProjectChecks.CompleteNodeProblem(alreadyDone, N(doneOn), D(Today)));

    [Theory]
    [InlineData(null, "用地", "请选择需求类型")]
    [InlineData("其他", "用地", "请选择需求类型")]
    [InlineData("要素", null, "请填写需求内容")]
    [InlineData("要素", " ", "请填写需求内容")]
    [InlineData("要素", "用地 50 亩", null)]
    public void Need(string? type, string? description, string? expected) =>
        Assert.Equal(expected, ProjectChecks.NeedProblem(type, ["要素", "审批"], description));

    [Theory]
    [InlineData(null, "请填写不早于今天的办理期限")]
    [InlineData("2024-06-14", "请填写不早于今天的办理期限")]
    [InlineData("2024-06-15", null)]
    public void Need_deadline(string? deadline, string? expected) => Assert.Equal(expected, ProjectChecks.NeedDeadlineProblem(N(deadline), D(Today)));

    [Theory]
    [InlineData(NeedState.Done, NeedState.InProgress, "补充", "该需求已办结")]
    [InlineData(NeedState.Done, NeedState.Done, "补充", "该需求已办结")]
    [InlineData(NeedState.Open, NeedState.Done, null, "办结须填写办理结果")]
    [InlineData(NeedState.InProgress, NeedState.Done, "  ", "办结须填写办理结果")]
    [InlineData(NeedState.InProgress, NeedState.Done, "已协调到位", null)]
    [InlineData(NeedState.Open, NeedState.InProgress, null, null)]
    public void Need_update(NeedState current, NeedState next, string? answer, string? expected) =>
        Assert.Equal(expected, ProjectChecks.NeedUpdateProblem(current, next, answer));

    [Theory]
    [InlineData(null, "营业执照", "清单节点只能是“立项”或“开工”")]
    [InlineData("验收", "营业执照", "清单节点只能是“立项”或“开工”")]
    [InlineData("立项", null, "请填写材料名称")]
    [InlineData("开工", " ", "请填写材料名称")]
    [InlineData("立项", "营业执照", null)]
    [InlineData("开工", "施工图", null)]
    public void Template(string? node, string? name, string? expected) => Assert.Equal(expected, ProjectChecks.TemplateProblem(node, name));

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly? N(string? text) => text is null ? null : D(text);
    private static decimal? M(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
