using ClosedXML.Excel;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Exchanges;

public static class ExchangesArea
{
    public static IServiceCollection AddExchangesArea(this IServiceCollection services)
    {
        services.AddScoped<ExchangeService>();
        services.AddScoped<ProblemService>();
        services.AddScoped<CallbackService>();
        services.AddScoped<ProblemEscalationJob>();
        services.AddSingleton(ProblemEscalationJob.Definition);
        services.AddScoped<ISeedStep, ExchangeSeed>();
        services.AddScoped<IDashboardFigures, ExchangeFigures>();
        return services;
    }

    public static void MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        // 问题清单 with its 分类交办 and 办理结果 columns, scoped like the list (a unit exports its own).
        app.MapGet("/exchanges/problems.xlsx", async (string? text, int? unit, ProblemState? state, string? category, int? eventId, ProblemService problems) =>
        {
            try
            {
                var (rows, _) = await problems.ListAsync(new ProblemQuery(text, unit, state, category, eventId), 0, 100_000);
                using var wb = new XLWorkbook();
                var ws = wb.Worksheets.Add("问题清单");
                string[] headers = ["序号", "反映企业", "问题描述", "类别", "来源活动", "登记日期", "分类交办（责任单位）", "办理期限", "状态", "督办层级", "办结日期", "办理结果"];
                for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).Text(headers[c]);
                ws.Row(1).Style.Font.Bold = true;
                var r = 2;
                foreach (var p in rows)
                {
                    ws.Cell(r, 1).SetValue(r - 1);
                    ws.Cell(r, 2).Text(p.EnterpriseName);
                    ws.Cell(r, 3).Text(p.Description);
                    ws.Cell(r, 4).Text(p.Category);
                    ws.Cell(r, 5).Text(p.Event);
                    ws.Cell(r, 6).Text(AppTime.ListDate(p.RaisedOn));
                    ws.Cell(r, 7).Text(p.Unit);
                    ws.Cell(r, 8).Text(AppTime.ListDate(p.Deadline));
                    ws.Cell(r, 9).Text(ProblemStates.Name(p.State));
                    ws.Cell(r, 10).Text(Escalation.LevelName(p.EscalationLevel));
                    ws.Cell(r, 11).Text(AppTime.ListDate(p.ResolvedOn));
                    ws.Cell(r, 12).Text(p.Answer);
                    r++;
                }
                double[] widths = [6, 26, 36, 8, 22, 12, 22, 12, 10, 10, 12, 30];
                for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
                ws.SheetView.FreezeRows(1);
                ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
                ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
                ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
                return Results.File(wb.ToBytes(), ExcelText.ContentType, "问题清单.xlsx");
            }
            catch (DomainException ex) { return Results.Text(ex.Message, statusCode: StatusCodes.Status403Forbidden); }
        }).RequireAuthorization();
    }
}
