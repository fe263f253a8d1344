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

        // ?preprinted=true (or the older ?blank=true): for pre-printed red-header paper, the 版头's space is left blank.
        group.MapGet("/periods/{id:int}/circular.xlsx", async (int id, bool? blank, bool? preprinted, CircularService circulars) =>
        {
            var doc = await circulars.DocumentAsync(id);
            return Results.File(CircularWorkbook.Bytes(doc, blank == true || preprinted == true), ExcelText.ContentType, FileName(doc, "xlsx"));
        }).RequireAuthorization(Access.SignedIn);

        group.MapGet("/periods/{id:int}/circular.docx", async (int id, bool? blank, bool? preprinted, CircularService circulars) =>
        {
            var doc = await circulars.DocumentAsync(id);
            var bytes = CircularWord.Build(CircularParts.From(doc), blank == true || preprinted == true);
            return Results.File(bytes, CircularWord.ContentType, FileName(doc, "docx"));
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

    private static string FileName(CircularDocument doc, string extension) => $"{doc.Period.Year}年{doc.Period.Month}月考核通报{doc.NumberText}.{extension}";
}
