using ClosedXML.Excel;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Projects;

public static class ProjectsArea
{
    public static IServiceCollection AddProjectsArea(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<LeaderEngagementService>();
        services.AddScoped<ProjectFigures>();
        services.AddScoped<IDashboardFigures>(sp => sp.GetRequiredService<ProjectFigures>());
        services.AddScoped<ISeedStep, ChecklistTemplateSeed>();
        services.AddScoped<ISeedStep, ProjectSeed>();
        return services;
    }

    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        // The register as filtered on the page.
        app.MapGet("/projects/export.xlsx", async (string? text, ProjectStage? stage, bool? key, string? industry, string? region, string? investorType, string? leader, int? unit, bool? overdue, ProjectService projects) =>
        {
            try
            {
                var (rows, _) = await projects.ListAsync(new ProjectQuery(text, stage, key, industry, region, investorType, leader, unit, overdue == true), 0, 100_000);
                using var wb = new XLWorkbook();
                var ws = wb.Worksheets.Add("项目库");
                string[] headers = ["序号", "项目名称", "投资企业", "行业", "来源地区", "投资额（万元）", "亿元重点项目", "阶段", "签约日期", "联系市级领导", "牵头单位", "逾期节点", "先进场后签约"];
                for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).Text(headers[c]);
                ws.Row(1).Style.Font.Bold = true;
                var r = 2;
                foreach (var p in rows)
                {
                    ws.Cell(r, 1).SetValue(r - 1);
                    ws.Cell(r, 2).Text(p.Name);
                    ws.Cell(r, 3).Text(p.Investor);
                    ws.Cell(r, 4).Text(p.Industry);
                    ws.Cell(r, 5).Text(p.OriginRegion);
                    ws.Cell(r, 6).Number(p.InvestmentWan, "#,##0.00");
                    ws.Cell(r, 7).Text(p.IsKey ? "是" : "");
                    ws.Cell(r, 8).Text(ProjectStages.Name(p.Stage));
                    ws.Cell(r, 9).Text(AppTime.ListDate(p.SignedOn));
                    ws.Cell(r, 10).Text(p.Leader);
                    ws.Cell(r, 11).Text(p.LeadUnit);
                    ws.Cell(r, 12).SetValue(p.OverdueNodes);
                    ws.Cell(r, 13).Text(p.EnteredBeforeSigning ? "是" : "");
                    r++;
                }
                double[] widths = [6, 32, 28, 12, 10, 14, 10, 8, 12, 16, 20, 8, 10];
                for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
                ws.SheetView.FreezeRows(1);
                ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
                ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
                ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
                return Results.File(wb.ToBytes(), ExcelText.ContentType, "项目库.xlsx");
            }
            catch (DomainException ex) { return Results.Text(ex.Message, statusCode: StatusCodes.Status403Forbidden); }
        }).RequireAuthorization();
    }
}
