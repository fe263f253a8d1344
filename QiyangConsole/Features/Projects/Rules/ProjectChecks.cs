using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects.Rules;

/// <summary>The checks on what the Office types into a project (register, factors, permits, plan nodes, needs, checklist templates).</summary>
public static class ProjectChecks
{
    public const decimal MaxInvestmentWan = 100_000_000;
    public const decimal MaxLandMu = 1_000_000;
    public const decimal MaxFactorySqm = 100_000_000;

    /// <summary>
    /// The register's fields: name and investor (at most 200 characters), investment in 万元 (positive, two decimals, plausible), the
    /// three dictionaries, the date talks began (since 2000, not after <paramref name="today"/>), the task force (at most 500) and the plan (at most 2,000).
    /// </summary>
    public static string? EditProblem(string? name, string? investor, decimal investmentWan, string? industry, IReadOnlyCollection<string> industries,
        string? region, IReadOnlyCollection<string> regions, string? investorType, IReadOnlyCollection<string> investorTypes, DateOnly? negotiatingOn,
        DateOnly? today = null, string? taskForceMembers = null, string? planText = null)
    {
        if ((name?.Trim() ?? "").Length == 0) return "项目名称不能为空";
        if (TextLimit.Problem(name, 200, "项目名称") is { } longName) return longName;
        if (string.IsNullOrWhiteSpace(investor)) return "投资企业不能为空";
        if (TextLimit.Problem(investor, 200, "投资企业") is { } longInvestor) return longInvestor;
        if (investmentWan <= 0) return "投资额应为大于 0 的金额（万元）";
        if (decimal.Round(investmentWan, 2) != investmentWan) return "投资额最多保留两位小数（万元）";
        if (investmentWan > MaxInvestmentWan) return "投资额超出合理范围，请确认单位为万元";
        if (DictionaryProblem(industry, industries, "行业") is { } i) return i;
        if (DictionaryProblem(region, regions, "来源地区") is { } r) return r;
        if (DictionaryProblem(investorType, investorTypes, "投资方类型") is { } t) return t;
        if (negotiatingOn is not { } talks) return "请填写洽谈日期";
        if (talks > today) return "洽谈日期不能晚于今天";
        if (talks.Year < 2000) return "洽谈日期不能早于 2000 年";
        return TextLimit.Problem(taskForceMembers, 500, "专班成员") ?? TextLimit.Problem(planText, 2000, "推进方案");
    }

    /// <summary>A value that must be one of a dictionary's labels.</summary>
    public static string? DictionaryProblem(string? value, IReadOnlyCollection<string> labels, string field) =>
        value is null || !labels.Contains(value) ? $"请选择{field}" : null;

    /// <summary>Once signed, talks cannot have begun after the signing.</summary>
    public static string? NegotiatingProblem(ProjectStage stage, DateOnly negotiatingOn, DateOnly? signedOn) =>
        stage != ProjectStage.Negotiating && negotiatingOn > (signedOn ?? DateOnly.MaxValue) ? "洽谈日期不能晚于签约日期" : null;

    public static string? EnterSiteProblem(DateOnly? on, DateOnly? today = null) =>
        on is null ? "请填写进场日期" : on > today ? "进场日期不能晚于今天" : null;

    /// <summary>
    /// 要素保障: no negative quantity, none beyond reason (1,000,000 亩 of land, 100,000,000 ㎡ of factory), two decimals at
    /// most; a quantity ready needs the date it was ready, which is not in the future.
    /// </summary>
    public static string? FactorsProblem(decimal? landNeeded, decimal? landReady, DateOnly? landReadyOn, decimal? factoryNeeded, decimal? factoryReady, DateOnly? factoryReadyOn,
        DateOnly? today = null)
    {
        if (new[] { landNeeded, landReady, factoryNeeded, factoryReady }.Any(v => v < 0)) return "要素保障数量不能为负数";
        var quantities = new (decimal? Value, decimal Max, string Name)[]
            { (landNeeded, MaxLandMu, "需用地（亩）"), (landReady, MaxLandMu, "已准备土地（亩）"), (factoryNeeded, MaxFactorySqm, "需厂房（㎡）"), (factoryReady, MaxFactorySqm, "已准备厂房（㎡）") };
        foreach (var (value, max, name) in quantities)
        {
            if (value > max) return $"{name}超出合理范围，请确认单位";
            if (value is { } v && decimal.Round(v, 2) != v) return $"{name}最多保留两位小数";
        }
        if (landReady > 0 && landReadyOn is null) return "请填写土地准备到位日期";
        if (factoryReady > 0 && factoryReadyOn is null) return "请填写厂房准备到位日期";
        if (landReadyOn > today || factoryReadyOn > today) return "准备到位日期不能晚于今天";
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

    public static string? CommentProblem(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写意见" : TextLimit.Problem(text, 1000, "批示/调度意见");

    /// <summary>方案节点: a name (at most 100 characters) and a time limit.</summary>
    public static string? NodeProblem(string? name, DateOnly? dueOn) =>
        string.IsNullOrWhiteSpace(name) ? "请填写节点名称"
        : TextLimit.Problem(name, 100, "节点名称") is { } tooLong ? tooLong
        : dueOn is null ? "请填写节点完成时限"
        : null;

    /// <summary>审批清单: a known state; the day the enterprise was told is not in the future.</summary>
    public static string? ChecklistProblem(ChecklistState state, DateOnly? toldOn, DateOnly today) =>
        !Enum.IsDefined(state) ? "请选择清单事项状态"
        : toldOn > today ? "告知日期不能晚于今天"
        : null;

    /// <summary>A node is completed once, on a date no later than today.</summary>
    public static string? CompleteNodeProblem(bool alreadyDone, DateOnly? doneOn, DateOnly today) =>
        alreadyDone ? "节点已完成"
        : doneOn is not { } date || date > today ? "请填写不晚于今天的完成日期"
        : null;

    /// <summary>个性需求: a type from the dictionary and a description (at most 500 characters).</summary>
    public static string? NeedProblem(string? type, IReadOnlyCollection<string> needTypes, string? description) =>
        type is null || !needTypes.Contains(type) ? "请选择需求类型"
        : string.IsNullOrWhiteSpace(description) ? "请填写需求内容"
        : TextLimit.Problem(description, 500, "需求内容");

    public static string? NeedDeadlineProblem(DateOnly? deadline, DateOnly today) =>
        deadline is not { } d || d < today ? "请填写不早于今天的办理期限" : null;

    /// <summary>A need done stays done; finishing it needs the result.</summary>
    public static string? NeedUpdateProblem(NeedState current, NeedState next, string? answer) =>
        current == NeedState.Done ? "该需求已办结"
        : !Enum.IsDefined(next) ? "请选择需求状态（待办、办理中或已办结）"
        : next == NeedState.Done && string.IsNullOrWhiteSpace(answer) ? "办结须填写办理结果"
        : TextLimit.Problem(answer, 1000, "办理结果");

    /// <summary>审批清单模板: the node is 立项 or 开工, and the material is named.</summary>
    public static string? TemplateProblem(string? node, string? name) =>
        node is not ("立项" or "开工") ? "清单节点只能是“立项”或“开工”"
        : string.IsNullOrWhiteSpace(name) ? "请填写材料名称"
        : TextLimit.Problem(name, 100, "材料名称");
}
