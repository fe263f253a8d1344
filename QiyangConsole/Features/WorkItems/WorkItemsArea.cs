using ClosedXML.Excel;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.WorkItems;

public static class WorkItemsArea
{
    public static IServiceCollection AddWorkItemsArea(this IServiceCollection services)
    {
        services.AddScoped<WorkItemService>();
        services.AddScoped<SettlementService>();
        services.AddScoped<WorkItemLightsJob>();
        services.AddSingleton(WorkItemLightsJob.Definition);
        services.AddScoped<ISeedStep, WorkItemSeed>();
        services.AddScoped<Dashboard.IDashboardFigures, WorkItemFigures>();
        return services;
    }

    public static void MapWorkItemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/work-items").RequireAuthorization();

        // The public board as a workbook, with the board's filters.
        group.MapGet("/export.xlsx", async (string? text, int? unit, WarningLight? light, WorkItemState? state, string? source, bool? mine, WorkItemService items) =>
        {
            var (rows, _) = await items.BoardAsync(new BoardQuery(text, unit, light, state, source, mine == true), 0, 100_000);
            using var wb = new XLWorkbook();
            var ws = wb.Worksheets.Add("重点工作");
            string[] headers = ["序号", "事项名称", "来源", "紧急程度", "牵头单位", "责任领导", "办理期限", "延期至", "状态", "亮灯", "进度(%)", "最新进展", "更新时间"];
            for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).Text(headers[c]);
            ws.Row(1).Style.Font.Bold = true;
            var r = 2;
            foreach (var row in rows)
            {
                ws.Cell(r, 1).SetValue(r - 1);
                ws.Cell(r, 2).Text(row.Title);
                ws.Cell(r, 3).Text(row.Source);
                ws.Cell(r, 4).Text(WorkItemStates.UrgencyName(row.Urgency));
                ws.Cell(r, 5).Text(row.LeadUnit);
                ws.Cell(r, 6).Text(row.ResponsibleLeader);
                ws.Cell(r, 7).Text(AppTime.ListDate(row.Deadline));
                ws.Cell(r, 8).Text(AppTime.ListDate(row.ExtendedDeadline));
                ws.Cell(r, 9).Text(WorkItemStates.Name(row.State));
                ws.Cell(r, 10).Text(WorkItemStates.LightName(row.Light));
                ws.Cell(r, 11).SetValue(row.Percent);
                ws.Cell(r, 12).Text(row.LastUpdate);
                ws.Cell(r, 13).Text(row.LastUpdateAt is { } t ? AppTime.Stamp(t) : "");
                r++;
            }
            double[] widths = [6, 36, 10, 8, 24, 16, 12, 12, 10, 8, 8, 40, 18];
            for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
            ws.SheetView.FreezeRows(1);
            ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
            ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
            return Results.File(wb.ToBytes(), ExcelText.ContentType, "重点工作督查台账.xlsx");
        });

        group.MapGet("/attachments/{updateId:int}", async (int updateId, WorkItemService items) =>
        {
            try
            {
                var (name, path) = await items.AttachmentAsync(updateId);
                return File.Exists(path) ? Results.File(path, "application/octet-stream", name) : Results.NotFound();
            }
            catch (DomainException) { return Results.NotFound(); }
        });
    }
}
