using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation;

/// <summary>Downloads are built on the server and served over authorised HTTP, not pushed through the circuit; refusals are mapped once, in <c>Refusals</c>.</summary>
public static class EvaluationEndpoints
{
    public static void MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/evaluation");

        group.MapGet("/periods/{id:int}/circular.xlsx", async (int id, bool? blank, CircularService circulars) =>
        {
            var doc = await circulars.DocumentAsync(id);
            using var wb = CircularWorkbook.Build(doc, blank == true);
            var name = $"{doc.Period.Year}年{doc.Period.Month}月考核通报{doc.NumberText}.xlsx";
            return Results.File(wb.ToBytes(), ExcelText.ContentType, name);
        }).RequireAuthorization(Access.SignedIn);

        group.MapGet("/periods/{id:int}/template.xlsx", async (int id, ScoreService scores) =>
        {
            var sheet = await scores.SheetAsync(id);
            using var wb = ScoreSheetExcel.Template(sheet);
            return Results.File(wb.ToBytes(), ExcelText.ContentType, $"{sheet.Period.Year}年{sheet.Period.Month}月评分表模板.xlsx");
        }).RequireAuthorization(Access.OfficeOnly);

        group.MapGet("/quarters/{year:int}/{quarter:int}.xlsx", async (int year, int quarter, QuarterService quarters) =>
        {
            var rows = await quarters.ReviewAsync(year, quarter);
            using var wb = QuarterWorkbook.Build(year, quarter, rows);
            return Results.File(wb.ToBytes(), ExcelText.ContentType, $"{year}年第{quarter}季度考核点评表.xlsx");
        }).RequireAuthorization(Access.Overseers);
    }

}
