using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Infrastructure.Files;

namespace QiyangConsole.Features.WorkItems;

/// <summary>Downloads of the supervision board; refusals are mapped once, in <c>Refusals</c>.</summary>
public static class WorkItemEndpoints
{
    public static void MapWorkItemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/work-items");

        // The public board as a workbook, with the board's filters.
        group.MapGet("/export.xlsx", async (string? text, int? unit, WarningLight? light, WorkItemState? state, string? source, bool? mine, WorkItemService items) =>
        {
            var (rows, _) = await items.BoardAsync(new BoardQuery(text, unit, light, state, source, mine == true), 0, 100_000);
            var n = 0;
            var bytes = ExcelList.Build("重点工作",
                [("序号", 6), ("事项名称", 36), ("来源", 10), ("紧急程度", 8), ("牵头单位", 24), ("责任领导", 16), ("办理期限", 12), ("延期至", 12), ("状态", 10), ("亮灯", 8), ("进度(%)", 8), ("最新进展", 40), ("更新时间", 18)],
                rows.Select(row => new object?[]
                {
                    ++n, row.Title, row.Source, row.Urgency.Name(), row.LeadUnit, row.ResponsibleLeader, AppTime.ListDate(row.Deadline), AppTime.ListDate(row.ExtendedDeadline),
                    row.State.Name(), row.Light.Name(), row.Percent, row.LastUpdate, row.LastUpdateAt is { } t ? AppTime.Stamp(t) : null,
                }));
            return Results.File(bytes, ExcelText.ContentType, "重点工作督查台账.xlsx");
        }).RequireAuthorization(Access.SignedIn);

        group.MapGet("/attachments/{updateId:int}", async (int updateId, WorkItemService items) =>
        {
            var (name, path) = await items.AttachmentAsync(updateId);
            return File.Exists(path) ? Results.File(path, await FileStore.ContentTypeAsync(path), name) : Results.NotFound();
        }).RequireAuthorization(Access.SignedIn);
    }
}
