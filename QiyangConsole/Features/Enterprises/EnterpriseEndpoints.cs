using Microsoft.AspNetCore.Mvc;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Infrastructure.Files;

namespace QiyangConsole.Features.Enterprises;

/// <summary>Downloads of the enterprises area; refusals are mapped once, in <c>Refusals</c>.</summary>
public static class EnterpriseEndpoints
{
    public static void MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/enterprises");
        group.MapGet("/export.xlsx", ([AsParameters] EnterpriseFilter f, EnterpriseService enterprises, TimeProvider clock, CancellationToken ct) =>
            ListWriter.FileAsync("园区企业.xlsx", new ListHeading("园区企业", f.Describe(), clock.GetUtcNow()),
                [new("序号", 7), new("企业名称", 34), new("统一社会信用代码", 22), new("行业", 12), new("规上", 6), new("所在园区", 12), new("地址", 34), new("联系人", 10), new("联系电话", 14), new("企业管家", 16), new("最近走访", 12), new("驻企联络室", 10)],
                enterprises.StreamAsync(f.ToQuery(), ct).Numbered((r, n) => [n, r.Name, r.CreditCode, r.Industry, r.IsAboveSize ? "是" : "否", r.Zone, r.Address, r.ContactPerson, r.ContactPhone, r.Steward,
                    AppTime.ListDate(r.LastVisit), r.IsAboveSize ? (r.HasRoom ? "已建" : "未建") : null]), ct))
            .RequireAuthorization(Access.EnterpriseWork);
        group.MapGet("/template.xlsx", async (EnterpriseImportService import) =>
            Results.File(await import.TemplateAsync(), ExcelText.ContentType, "企业导入模板.xlsx")).RequireAuthorization(Access.OfficeOnly);
        group.MapGet("/cards.xlsx", async ([AsParameters] EnterpriseFilter f, ContactCardService cards, TimeProvider clock, CancellationToken ct) =>
        {
            var list = await cards.CardsAsync(f.ToQuery());
            var departments = list.FirstOrDefault()?.Contacts ?? [];
            var columns = new List<ListColumn> { new("企业名称", 34), new("地址", 30), new("企业管家", 16), new("管家电话", 14) };
            columns.AddRange(departments.Select(d => new ListColumn($"{d.Department}（24小时）", 26)));
            return await ListWriter.FileAsync("企业服务爱心联络卡.xlsx", new ListHeading("企业服务爱心联络卡", f.Describe(), clock.GetUtcNow()), columns,
                list.Select(c => new object?[] { c.Enterprise, c.Address, c.Steward, c.StewardPhone }.Concat(c.Contacts.Select(d => (object?)$"{d.Name} {d.Phone}")).ToArray()).ToAsyncEnumerable(), ct);
        }).RequireAuthorization(Access.EnterpriseWork);
        // The visits as filtered on /visits (a steward's own), for the monthly report.
        app.MapGet("/visits/export.xlsx", (string? steward, int? enterprise, StewardDuties? duty, bool? problems, VisitService visits, TimeProvider clock, CancellationToken ct) =>
            ListWriter.FileAsync("走访记录.xlsx", new ListHeading("走访记录", ListHeading.Describe(("指定管家", steward is { Length: > 0 }), ("指定企业", enterprise is not null),
                    ("职责", duty is { } d and not StewardDuties.None ? Duties.Names(d) : null), ("只看发现问题的", problems == true)), clock.GetUtcNow()),
                [new("序号", 7), new("走访日期", 12), new("企业", 32), new("企业管家", 14), new("履行职责", 22), new("走访内容", 40), new("发现问题", 36), new("转办", 14), new("下次联系", 12)],
                visits.StreamAsync(new VisitQuery(steward, enterprise, Duty: duty ?? StewardDuties.None, WithProblemsOnly: problems == true), ct).Numbered((v, n) => [n, AppTime.ListDate(v.VisitedOn), v.Enterprise, v.Steward,
                    Duties.Names(v.Duties), v.Done, v.ProblemsFound, string.Join("、", new[] { v.NeedId is null ? null : "企业需求", v.ProblemId is null ? null : "问题清单" }.Where(x => x is not null)),
                    AppTime.ListDate(v.NextContactOn)]), ct))
            .RequireAuthorization(Access.VisitReaders);
        app.MapGet("/visits/{id:int}/photo", async (int id, VisitService visits) =>
        {
            var (_, path) = await visits.PhotoAsync(id);
            if (!File.Exists(path)) return Results.NotFound();
            // Shown in the browser (no download name); HEIC, which browsers cannot show, and anything not an image are downloaded.
            var type = await FileStore.ContentTypeAsync(path);
            return Results.File(path, type, type is "image/jpeg" or "image/png" or "image/webp" ? null : Path.GetFileName(path));
        }).RequireAuthorization(Access.VisitReaders);
    }
}

/// <summary>The register's filter as query-string parameters (export and bulk cards use the page's filter).</summary>
public sealed record EnterpriseFilter(string? Text, string? Industry, string? Zone, bool? AboveSize, string? Steward, bool? NoSteward, bool? Overdue, bool? NoRoom)
{
    public EnterpriseQuery ToQuery() => new(Text, Industry, Zone, AboveSize, Steward, NoSteward == true, Overdue == true, NoRoom == true);

    public string? Describe() => ListHeading.Describe(("关键字", Text), ("行业", Industry), ("所在园区", Zone), ("规上", AboveSize is { } a ? (a ? "是" : "否") : null),
        ("指定管家", Steward is { Length: > 0 }), ("未配管家", NoSteward == true), ("走访逾期", Overdue == true), ("未建联络室", NoRoom == true));

    public static string QueryString(EnterpriseQuery q) => string.Join("&", new[]
    {
        q.Text is { Length: > 0 } t ? $"text={Uri.EscapeDataString(t)}" : null,
        q.Industry is { Length: > 0 } i ? $"industry={Uri.EscapeDataString(i)}" : null,
        q.Zone is { Length: > 0 } z ? $"zone={Uri.EscapeDataString(z)}" : null,
        q.AboveSize is { } a ? $"aboveSize={a}" : null,
        q.StewardId is { Length: > 0 } s ? $"steward={s}" : null,
        q.NoSteward ? "noSteward=true" : null, q.VisitOverdue ? "overdue=true" : null, q.NoRoom ? "noRoom=true" : null,
    }.Where(p => p is not null));
}
