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
        group.MapGet("/export.xlsx", (string? text, int? unit, WarningLight? light, WorkItemState? state, string? source, bool? mine, WorkItemService items, TimeProvider clock, CancellationToken ct) =>
            ListWriter.FileAsync("重点工作督查台账.xlsx", new ListHeading("重点工作督查台账", ListHeading.Describe(("关键字", text), ("指定牵头单位", unit is not null), ("亮灯", light?.Name()),
                    ("状态", state?.Name()), ("来源", source), ("只看本单位", mine == true)), clock.GetUtcNow()),
                [new("序号", 7), new("事项名称", 36), new("来源", 10), new("紧急程度", 8), new("牵头单位", 24), new("责任领导", 16), new("办理期限", 12), new("延期至", 12), new("状态", 10), new("亮灯", 8), new("进度(%)", 8), new("最新进展", 40), new("更新时间", 18)],
                items.StreamAsync(new BoardQuery(text, unit, light, state, source, mine == true), ct).Numbered((row, n) =>
                [
                    n, row.Title, row.Source, row.Urgency.Name(), row.LeadUnit, row.ResponsibleLeader, AppTime.ListDate(row.Deadline), AppTime.ListDate(row.ExtendedDeadline),
                    row.State.Name(), row.Light.Name(), row.Percent, row.LastUpdate, row.LastUpdateAt is { } t ? AppTime.Stamp(t) : null,
                ]), ct))
            .RequireAuthorization(Access.SignedIn);

        group.MapGet("/attachments/{updateId:int}", async (int updateId, WorkItemService items) =>
        {
            var (name, path) = await items.AttachmentAsync(updateId);
            return File.Exists(path) ? Results.File(path, await FileStore.ContentTypeAsync(path), name) : Results.NotFound();
        }).RequireAuthorization(Access.SignedIn);
    }
}
