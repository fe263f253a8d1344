using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Files;
using QiyangConsole.Tests.Data.Enterprises;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>Visit photos and work-item attachments through the one file store, on a real SQLite file: nothing is kept that no record points to.</summary>
public class FileStoreDataTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

    [DbFact]
    public async Task A_photo_whose_visit_is_not_saved_is_removed()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var (visits, input) = await StewardVisitAsync(db);
        await RefuseInsertsAsync(db, "Visits");

        await Assert.ThrowsAsync<DbUpdateException>(() => visits.LogAsync(input, new Upload("现场.jpg", new MemoryStream(Jpeg))));

        Assert.Empty(StoredFiles(db));
    }

    [DbFact]
    public async Task A_photo_that_is_not_an_image_is_refused_naming_the_field_and_nothing_is_kept()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var (visits, input) = await StewardVisitAsync(db);
        var before = await VisitCountAsync(db);

        await Kit.RefusedAsync(() => visits.LogAsync(input, new Upload("现场.jpg", new MemoryStream("%PDF-1.7 not a photo"u8.ToArray()))),
            "“照片”不是有效的图片文件（支持 JPG、PNG、WebP、HEIC）");
        await Kit.RefusedAsync(() => visits.LogAsync(input, new Upload("现场.jpg", new MemoryStream(new byte[FileRules.MaxBytes + 1]))), "照片不能超过 10 MB");

        Assert.Equal(before, await VisitCountAsync(db));
        Assert.Empty(StoredFiles(db));
    }

    [DbFact]
    public async Task A_kept_photo_is_served_as_the_image_its_content_is()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var (visits, input) = await StewardVisitAsync(db);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        var id = await visits.LogAsync(input, new Upload("现场.jpg", new MemoryStream(png)));

        var (_, path) = await visits.PhotoAsync(id);
        Assert.Equal("image/png", await FileStore.ContentTypeAsync(path));
        Assert.Equal([path], StoredFiles(db));
    }

    [DbFact]
    public async Task An_attachment_whose_progress_update_is_not_saved_is_removed()
    {
        await using var db = await Seeds.SeededAsync();
        var (items, id) = await ItemInProgressAsync(db);
        await RefuseInsertsAsync(db, "WorkItemUpdates");

        await Assert.ThrowsAnyAsync<Exception>(() => items.UpdateAsync(id, "已完成现场踏勘", 40, new Upload("踏勘记录.docx", new MemoryStream([1, 2, 3]))));
        await Assert.ThrowsAnyAsync<Exception>(() => items.SubmitCloseOutAsync(id, "已办结", new Upload("佐证.pdf", new MemoryStream("%PDF"u8.ToArray()))));

        Assert.Empty(StoredFiles(db));
    }

    [DbFact]
    public async Task A_saved_attachment_is_kept_and_one_claiming_to_be_an_image_must_be_one()
    {
        await using var db = await Seeds.SeededAsync();
        var (items, id) = await ItemInProgressAsync(db);

        await Kit.RefusedAsync(() => items.UpdateAsync(id, "已完成现场踏勘", 40, new Upload("现场.png", new MemoryStream([1, 2, 3]))),
            "“附件”不是有效的图片文件（支持 JPG、PNG、WebP、HEIC）");
        Assert.Empty(StoredFiles(db));

        await items.UpdateAsync(id, "已完成现场踏勘", 40, new Upload("踏勘记录.docx", new MemoryStream([1, 2, 3])));
        await using var ctx = db.CreateDbContext();
        var update = await ctx.WorkItemUpdates.AsNoTracking().SingleAsync(u => u.WorkItemId == id && u.AttachmentPath != null);
        var (name, path) = await items.AttachmentAsync(update.Id);
        Assert.Equal("踏勘记录.docx", name);
        Assert.Equal([path], StoredFiles(db));
        Assert.Equal("application/octet-stream", await FileStore.ContentTypeAsync(path));
    }

    /// <summary>Every file under the data folder's attachments and incoming folders (temporary files included).</summary>
    private static List<string> StoredFiles(TestDb db) =>
        new[] { "attachments", "incoming" }.Select(d => Path.Combine(db.Directory, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d)).ToList();

    /// <summary>Makes the database refuse every new row of <paramref name="table"/>, as a failed save would.</summary>
    private static async Task RefuseInsertsAsync(TestDb db, string table)
    {
        await using var ctx = db.CreateDbContext();
        var sql = db.IsSqlite
            ? $"CREATE TRIGGER refuse_{table} BEFORE INSERT ON \"{table}\" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            : $"CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; "
              + $"CREATE TRIGGER refuse_{table} BEFORE INSERT ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION refuse_{table}();";
        await ctx.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<(VisitService, VisitInput)> StewardVisitAsync(TestDb db)
    {
        var me = await Kit.UserIdAsync(db, "steward");
        var enterpriseId = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        return (db.Get<VisitService>(), new VisitInput { EnterpriseId = enterpriseId, VisitedOn = Kit.Today, Duties = StewardDuties.Safeguard, Done = "检查厂区消防通道" });
    }

    private static async Task<int> VisitCountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Visits.CountAsync();
    }

    private static async Task<(WorkItemService, int)> ItemInProgressAsync(TestDb db)
    {
        db.Clock.Now = new DateTimeOffset(2023, 6, 5, 9, 0, 0, TimeSpan.FromHours(8));
        var unit = await Kit.UnitIdAsync(db, "市自然资源局");
        var items = db.Get<WorkItemService>();
        db.SignIn("office", AppRoles.Office);
        var id = await items.CreateAsync(new WorkItemEdit
        {
            Title = "清理批而未供土地", Source = "会议", Urgency = Urgency.Urgent, LeadUnitId = unit, ResponsibleLeader = "市政府分管副市长", Deadline = new DateOnly(2023, 6, 20),
        });
        await items.AssignAsync(id);
        db.SignIn("unit", AppRoles.Unit, unit, "市自然资源局");
        await items.AcceptAsync(id);
        return (items, id);
    }
}
