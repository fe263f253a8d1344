using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects.Rules;

/// <summary>The checks on what the Office types into a project (register, factors, permits, plan nodes, needs, checklist templates).</summary>
public static class ProjectChecks
{
    public const decimal MaxInvestmentWan = 100_000_000;

    /// <summary>The register's fields: name, investor, investment in 万元 (positive, two decimals, plausible), the three dictionaries, the date talks began.</summary>
    public static string? EditProblem(string? name, string? investor, decimal investmentWan, string? industry, IReadOnlyCollection<string> industries,
        string? region, IReadOnlyCollection<string> regions, string? investorType, IReadOnlyCollection<string> investorTypes, DateOnly? negotiatingOn)
    {
        if ((name?.Trim() ?? "").Length == 0) return "项目名称不能为空";
        if (string.IsNullOrWhiteSpace(investor)) return "投资企业不能为空";
        if (investmentWan <= 0) return "投资额应为大于 0 的金额（万元）";
        if (decimal.Round(investmentWan, 2) != investmentWan) return "投资额最多保留两位小数（万元）";
        if (investmentWan > MaxInvestmentWan) return "投资额超出合理范围，请确认单位为万元";
        if (DictionaryProblem(industry, industries, "行业") is { } i) return i;
        if (DictionaryProblem(region, regions, "来源地区") is { } r) return r;
        if (DictionaryProblem(investorType, investorTypes, "投资方类型") is { } t) return t;
        if (negotiatingOn is null) return "请填写洽谈日期";
        return null;
    }

    /// <summary>A value that must be one of a dictionary's labels.</summary>
    public static string? DictionaryProblem(string? value, IReadOnlyCollection<string> labels, string field) =>
        value is null || !labels.Contains(value) ? $"请选择{field}" : null;

    /// <summary>Once signed, talks cannot have begun after the signing.</summary>
    public static string? NegotiatingProblem(ProjectStage stage, DateOnly negotiatingOn, DateOnly? signedOn) =>
        stage != ProjectStage.Negotiating && negotiatingOn > (signedOn ?? DateOnly.MaxValue) ? "洽谈日期不能晚于签约日期" : null;

    public static string? EnterSiteProblem(DateOnly? on) => on is null ? "请填写进场日期" : null;

    /// <summary>要素保障: no negative quantity; a quantity ready needs the date it was ready.</summary>
    public static string? FactorsProblem(decimal? landNeeded, decimal? landReady, DateOnly? landReadyOn, decimal? factoryNeeded, decimal? factoryReady, DateOnly? factoryReadyOn)
    {
        if (new[] { landNeeded, landReady, factoryNeeded, factoryReady }.Any(v => v < 0)) return "要素保障数量不能为负数";
        if (landReady > 0 && landReadyOn is null) return "请填写土地准备到位日期";
        if (factoryReady > 0 && factoryReadyOn is null) return "请填写厂房准备到位日期";
        return null;
    }

    /// <summary>拿地即开工: each permit no earlier than the step before it (which must be filled in), none in the future.</summary>
    public static string? PermitsProblem(DateOnly? land, DateOnly? certificate, DateOnly? landPlanning, DateOnly? worksPlanning, DateOnly? construction, DateOnly today)
    {
        var chain = new (string Name, DateOnly? Date, DateOnly? After)[]
        {
            ("不动产权证", certificate, land), ("建设用地规划许可证", landPlanning, certificate), ("建设工程规划许可证", worksPlanning, certificate),
            ("施工许可证", construction, landPlanning is { } a && worksPlanning is { } b ? (a > b ? a : b) : null),
        };
        foreach (var (name, date, after) in chain)
        {
            if (date is null) continue;
            if (after is null) return $"请先填写“{name}”之前一步的日期";
            if (date < after) return $"“{name}”核发日期不能早于前一步日期 {AppTime.ListDate(after.Value)}";
        }
        if (new[] { land, certificate, landPlanning, worksPlanning, construction }.Any(d => d > today)) return "证照日期不能晚于今天";
        return null;
    }

    /// <summary>The working-day clock needs the official calendar of every year a permit date falls in.</summary>
    public static string? PermitCalendarProblem(IEnumerable<DateOnly?> dates, Func<int, bool> hasYear)
    {
        foreach (var d in dates)
            if (d is { } date && !hasYear(date.Year)) return new CalendarMissingException(date.Year).Message;
        return null;
    }

    public static string? CommentProblem(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写意见" : null;

    /// <summary>方案节点: a name and a time limit.</summary>
    public static string? NodeProblem(string? name, DateOnly? dueOn) =>
        string.IsNullOrWhiteSpace(name) ? "请填写节点名称"
        : dueOn is null ? "请填写节点完成时限"
        : null;

    /// <summary>A node is completed once, on a date no later than today.</summary>
    public static string? CompleteNodeProblem(bool alreadyDone, DateOnly? doneOn, DateOnly today) =>
        alreadyDone ? "节点已完成"
        : doneOn is not { } date || date > today ? "请填写不晚于今天的完成日期"
        : null;

    /// <summary>个性需求: a type from the dictionary and a description.</summary>
    public static string? NeedProblem(string? type, IReadOnlyCollection<string> needTypes, string? description) =>
        type is null || !needTypes.Contains(type) ? "请选择需求类型"
        : string.IsNullOrWhiteSpace(description) ? "请填写需求内容"
        : null;

    public static string? NeedDeadlineProblem(DateOnly? deadline, DateOnly today) =>
        deadline is not { } d || d < today ? "请填写不早于今天的办理期限" : null;

    /// <summary>A need done stays done; finishing it needs the result.</summary>
    public static string? NeedUpdateProblem(NeedState current, NeedState next, string? answer) =>
        current == NeedState.Done ? "该需求已办结"
        : next == NeedState.Done && string.IsNullOrWhiteSpace(answer) ? "办结须填写办理结果"
        : null;

    /// <summary>审批清单模板: the node is 立项 or 开工, and the material is named.</summary>
    public static string? TemplateProblem(string? node, string? name) =>
        node is not ("立项" or "开工") ? "清单节点只能是“立项”或“开工”"
        : string.IsNullOrWhiteSpace(name) ? "请填写材料名称"
        : null;
}
