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
        app.MapGet("/exchanges/problems.xlsx", async (string? text, int? unit, ProblemState? state, string? category, int? eventId, ProblemService problems) =>
        {
            var (rows, _) = await problems.ListAsync(new ProblemQuery(text, unit, state, category, eventId), 0, 100_000);
            var n = 0;
            var bytes = ExcelList.Build("问题清单",
                [("序号", 6), ("反映企业", 26), ("问题描述", 36), ("类别", 8), ("来源活动", 22), ("登记日期", 12), ("分类交办（责任单位）", 22), ("办理期限", 12), ("状态", 10), ("督办层级", 10), ("办结日期", 12), ("办理结果", 30)],
                rows.Select(p => new object?[]
                {
                    ++n, p.EnterpriseName, p.Description, p.Category, p.Event, AppTime.ListDate(p.RaisedOn), p.Unit, AppTime.ListDate(p.Deadline),
                    p.State.Name(), Escalation.LevelName(p.EscalationLevel), AppTime.ListDate(p.ResolvedOn), p.Answer,
                }));
            return Results.File(bytes, ExcelText.ContentType, "问题清单.xlsx");
        }).RequireAuthorization(Access.UnitWork);
    }
}
