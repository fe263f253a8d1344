using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation;

/// <summary>Downloads are built on the server and served over authorised HTTP, not pushed through the circuit.</summary>
public static class EvaluationEndpoints
{
    public static void MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/evaluation").RequireAuthorization();

        group.MapGet("/periods/{id:int}/circular.xlsx", (int id, bool? blank, CircularService circulars) => Guard(async () =>
        {
            var doc = await circulars.DocumentAsync(id);
            using var wb = CircularWorkbook.Build(doc, blank == true);
            var name = $"{doc.Period.Year}年{doc.Period.Month}月考核通报{doc.NumberText}.xlsx";
            return Results.File(wb.ToBytes(), ExcelText.ContentType, name);
        }));

        group.MapGet("/periods/{id:int}/template.xlsx", (int id, ScoreService scores) => Guard(async () =>
        {
            var sheet = await scores.SheetAsync(id);
            using var wb = ScoreSheetExcel.Template(sheet);
            return Results.File(wb.ToBytes(), ExcelText.ContentType, $"{sheet.Period.Year}年{sheet.Period.Month}月评分表模板.xlsx");
        })).RequireAuthorization(AuthSetup.OfficeOnly);

        group.MapGet("/quarters/{year:int}/{quarter:int}.xlsx", (int year, int quarter, QuarterService quarters) => Guard(async () =>
        {
            var rows = await quarters.ReviewAsync(year, quarter);
            using var wb = QuarterWorkbook.Build(year, quarter, rows);
            return Results.File(wb.ToBytes(), ExcelText.ContentType, $"{year}年第{quarter}季度考核点评表.xlsx");
        }));
    }

    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (DomainException ex) when (ex.Message == DomainException.Forbidden) { return Results.Text(ex.Message, statusCode: StatusCodes.Status403Forbidden); }
        catch (DomainException ex) { return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest); }
    }
}
