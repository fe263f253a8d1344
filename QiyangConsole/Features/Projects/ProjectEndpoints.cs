using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Projects;

public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        // The register as filtered and sorted on the page.
        app.MapGet("/projects/export.xlsx", ([AsParameters] ProjectFilter f, ProjectService projects, TimeProvider clock, CancellationToken ct) =>
            ListWriter.FileAsync("项目库.xlsx", new ListHeading("项目库", f.Describe(), clock.GetUtcNow()),
                [new("序号", 7), new("项目名称", 32), new("投资企业", 28), new("行业", 12), new("来源地区", 10), new("投资额（万元）", 14), new("亿元重点项目", 10), new("阶段", 8), new("签约日期", 12), new("联系市级领导", 16), new("牵头单位", 20), new("逾期节点", 8), new("先进场后签约", 10)],
                projects.StreamAsync(f.ToQuery(), ct).Numbered((p, n) => [n, p.Name, p.Investor, p.Industry, p.OriginRegion, p.InvestmentWan, p.IsKey ? "是" : null, p.Stage.Name(), AppTime.ListDate(p.SignedOn),
                    p.Leader, p.LeadUnit, p.OverdueNodes, p.EnteredBeforeSigning ? "是" : null]), ct))
            .RequireAuthorization(Access.Overseers);
    }
}

/// <summary>The register's filter and sort as query-string parameters: the page builds its export link from the same record.</summary>
public sealed record ProjectFilter(string? Text, ProjectStage? Stage, bool? Key, string? Industry, string? Region, string? InvestorType, string? Leader, int? Unit, bool? Overdue, string? Sort,
    string? From, string? To, string? Dates)
{
    private Dashboard.Period? Period => Dashboard.Period.Parse(From, To, out _);

    public ProjectQuery ToQuery() => new(Text, Stage, Key, Industry, Region, InvestorType, Leader, Unit, Overdue == true, Sort ?? "signed", Period?.From, Period?.To, Dates == "landed");

    public string? Describe() => ListHeading.Describe(("关键字", Text), ("阶段", Stage?.Name()), ("亿元重点项目", Key is { } k ? (k ? "是" : "否") : null), ("行业", Industry),
        ("来源地区", Region), ("投资方类型", InvestorType), ("指定联系领导", Leader is { Length: > 0 }), ("指定牵头单位", Unit is not null), ("有逾期节点", Overdue == true),
        (Dates == "landed" ? "落地日期" : "签约日期", Period?.Label));

    public static string QueryString(ProjectQuery q) => string.Join("&", new[]
    {
        q.Text is { Length: > 0 } t ? $"text={Uri.EscapeDataString(t)}" : null,
        q.Stage is { } s ? $"stage={s}" : null, q.Key is { } k ? $"key={k}" : null,
        q.Industry is { Length: > 0 } i ? $"industry={Uri.EscapeDataString(i)}" : null,
        q.Region is { Length: > 0 } r ? $"region={Uri.EscapeDataString(r)}" : null,
        q.InvestorType is { Length: > 0 } ty ? $"investorType={Uri.EscapeDataString(ty)}" : null,
        q.LeaderId is { Length: > 0 } l ? $"leader={Uri.EscapeDataString(l)}" : null, q.LeadUnitId is { } u ? $"unit={u}" : null,
        q.OverdueOnly ? "overdue=true" : null, $"sort={Uri.EscapeDataString(q.Sort)}",
        q.From is { } f ? $"from={Dashboard.Period.Day(f)}" : null, q.To is { } t2 ? $"to={Dashboard.Period.Day(t2)}" : null, q.ByLanded ? "dates=landed" : null,
    }.Where(p => p is not null));
}
