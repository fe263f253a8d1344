using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Exchanges;

public static class ExchangeEndpoints
{
    public static void MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        // 问题清单 with its 分类交办 and 办理结果 columns, scoped like the list (a unit exports its own).
        app.MapGet("/exchanges/problems.xlsx", (string? text, int? unit, ProblemState? state, string? category, int? eventId, string? from, string? to, bool? resolved, ProblemService problems, TimeProvider clock, CancellationToken ct) =>
        {
            var period = Dashboard.Period.Parse(from, to, out _);
            return ListWriter.FileAsync("问题清单.xlsx", new ListHeading("问题清单", ListHeading.Describe(("关键字", text), ("指定责任单位", unit is not null), ("状态", state?.Name()),
                    ("类别", category), ("指定交流活动", eventId is not null), (resolved == true ? "解决日期" : "登记日期", period?.Label)), clock.GetUtcNow()),
                [new("序号", 7), new("反映企业", 26), new("问题描述", 36), new("类别", 8), new("来源活动", 22), new("登记日期", 12), new("分类交办（责任单位）", 22), new("办理期限", 12), new("状态", 10), new("督办层级", 10), new("办结日期", 12), new("办理结果", 30)],
                problems.StreamAsync(new ProblemQuery(text, unit, state, category, eventId, period?.From, period?.To, resolved == true), ct).Numbered((p, n) =>
                [
                    n, p.EnterpriseName, p.Description, p.Category, p.Event, AppTime.ListDate(p.RaisedOn), p.Unit, AppTime.ListDate(p.Deadline),
                    p.State.Name(), Escalation.LevelName(p.EscalationLevel), AppTime.ListDate(p.ResolvedOn), p.Answer,
                ]), ct);
        })
            .RequireAuthorization(Access.UnitCases);
    }
}
