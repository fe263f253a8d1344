using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

// 园区企业 / 企业管家 / 走访 / 帮代办 / 百名干部联百企 on a real, migrated SQLite file.
// EnterpriseSeedDataTests only reads one database seeded once for the class; every other class writes and seeds its own.

/// <summary>The seeded figures and the data scopes of the register, visits and help matters (one seeded database, read only).</summary>
public sealed class EnterpriseSeedDataTests(SeededEnterpriseDb fixture) : IClassFixture<SeededEnterpriseDb>
{
    private readonly TestDb _db = fixture.Db;

    [Fact]
    public async Task The_seeds_give_the_sources_figures()
    {
        var db = _db;
        Kit.AsOffice(db);
        Assert.Equal(Kit.Today, db.Clock.Today());

        // 240 enterprises, every credit code valid and unique, the same codes as the seed file.
        await using (var ctx = db.CreateDbContext())
        {
            var codes = await ctx.Enterprises.AsNoTracking().Select(e => e.CreditCode).ToListAsync();
            Assert.Equal(240, codes.Count);
            Assert.Equal(SeedJson.Enterprises.Count, codes.Count);
            Assert.All(codes, c => Assert.True(CreditCode.IsValid(c), c));
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.Equal(SeedJson.Enterprises.Select(e => e.CreditCode).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        }

        // 100% steward coverage; every 规上 enterprise has its liaison room.
        var coverage = await Kit.Stewards(db).CoverageAsync();
        Assert.Equal(240, coverage.All);
        Assert.Equal(coverage.All, coverage.Covered);
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
        var aboveSize = SeedJson.Enterprises.Count(e => e.AboveSize);
        Assert.Equal(70, aboveSize);
        Assert.Equal(aboveSize, coverage.AboveSize);
        Assert.Equal(aboveSize, coverage.AboveSizeWithRoom);
        Assert.Empty(coverage.WithoutRoom);

        // 帮代办: 186 matters finished since 2022, and the split by mode and state is the file's.
        var counts = await Kit.Matters(db).CountsAsync();
        var finishedSince2022 = SeedJson.Matters.Count(m => m.State == HelpState.Finished && m.FinishedOn >= new DateOnly(2022, 1, 1));
        Assert.Equal(186, finishedSince2022);
        Assert.Equal(finishedSince2022, counts.FinishedSince2022);
        Assert.Equal(SeedJson.Matters.Count, counts.Of());
        foreach (var g in SeedJson.Matters.GroupBy(m => (m.Mode, m.State)))
            Assert.Equal(g.Count(), counts.Of(g.Key.Mode, g.Key.State));
        Assert.Equal(SeedJson.Matters.Count(m => m.State == HelpState.InProgress), counts.Of(state: HelpState.InProgress));

        // 百名干部联百企: 164 cadres, 172 enterprises, 150 projects, and the open items of each list.
        var totals = await Kit.Cadres(db).TotalsAsync();
        Assert.Equal(164, totals.Cadres);
        Assert.Equal(172, totals.Enterprises);
        Assert.Equal(150, totals.Projects);
        Assert.Equal(SeedJson.Cadres.Count, totals.Cadres);
        Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Enterprises).Distinct().Count(), totals.Enterprises);
        Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Projects).Distinct().Count(), totals.Projects);
        foreach (var list in Enum.GetValues<CadreList>())
            Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Items).Count(i => i.List == list.Name() && i.State != ItemState.Done), totals.OpenItems[list]);

        // The overview's cards.
        var figures = await new EnterpriseFigures(db, db.Actor, Kit.Settings(db), db.Clock).FiguresAsync(CancellationToken.None);
        Assert.Equal(3, figures.Count);
        Assert.Equal("企业管家覆盖率", figures[0].Label);
        Assert.Equal("100%", figures[0].Value);
        Assert.Equal("240 / 240 家企业配备管家", figures[0].Note);
        Assert.Equal("帮代办办结事项", figures[1].Label);
        Assert.Equal("186", figures[1].Value);
        Assert.Equal("2022年以来", figures[1].Note);
        Assert.Equal("近30天管家走访", figures[2].Label);
        Assert.Equal(SeedJson.Visits.Count(v => v.DaysAgo < 30).ToString(), figures[2].Value);
    }

    [Fact]
    public async Task The_key_projects_of_2021_2022_leave_the_sources_2023_landing_figures_as_they_are()
    {
        var figures = new QiyangConsole.Features.Projects.ProjectFigures(_db, _db.Clock);
        var t = await figures.TotalsAsync(2023);
        Assert.Equal((42, 1_554_600m, 14, 187_000m), (t.Signed, t.SignedWan, t.Landed, t.LandedWan));
        await using var ctx = _db.CreateDbContext();
        Assert.Equal(150, await ctx.Projects.CountAsync());
    }

    [Fact]
    public async Task Visit_counts_per_duty_and_per_month_match_the_visits_counted_one_by_one()
    {
        var me = await Kit.UserIdAsync(_db, "steward");
        List<Visit> mine;
        await using (var ctx = _db.CreateDbContext()) mine = await ctx.Visits.AsNoTracking().Where(v => v.StewardId == me).ToListAsync();
        _db.SignIn("steward", AppRoles.Steward, userId: me);

        var counts = await Kit.Visits(_db).CountsAsync(new VisitQuery());

        Assert.Equal(mine.Count, counts.Total);
        foreach (var (duty, name, _) in Duties.All)
            Assert.True(mine.Count(v => v.Duties.HasFlag(duty)) == counts.ByDuty.Single(d => d.Duty == duty).Count, name);
        var expected = mine.Where(v => v.VisitedOn >= new DateOnly(2022, 6, 1)).GroupBy(v => (v.VisitedOn.Year, v.VisitedOn.Month)).OrderBy(g => g.Key).Select(g => (g.Key.Year, g.Key.Month, g.Count()));
        Assert.Equal(expected, counts.ByMonth); // the twelve months up to May 2023
        var informant = await Kit.Visits(_db).CountsAsync(new VisitQuery(Duty: StewardDuties.Informant));
        Assert.Equal(mine.Count(v => v.Duties.HasFlag(StewardDuties.Informant)), informant.Total);
    }

    [Fact]
    public async Task A_steward_sees_only_its_own_enterprises_visits_and_matters()
    {
        var db = _db;
        var me = await Kit.UserIdAsync(db, "steward");
        var mine = SeedJson.Enterprises.Where(e => e.Steward == "steward").Select(e => e.Name).ToHashSet();
        Assert.Equal(24, mine.Count);
        List<int> ownIds;
        int othersEnterprise;
        await using (var ctx = db.CreateDbContext())
        {
            ownIds = await ctx.Enterprises.Where(e => e.StewardId == me).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            othersEnterprise = await ctx.Enterprises.Where(e => e.StewardId != me).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var enterprises = Kit.Enterprises(db);

        // The register: exactly its 24 enterprises.
        var (rows, total) = await enterprises.ListAsync(new EnterpriseQuery(), 0, 500);
        Assert.Equal(24, total);
        Assert.Equal(24, rows.Count);
        Assert.Equal(mine.Order(StringComparer.Ordinal), rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ownIds, rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.Equal("企业管家 陈晓", r.Steward));
        Assert.Equal(24, (await enterprises.PickListAsync()).Count);
        // Asking for another steward's enterprises by filter gives nothing.
        var other = await Kit.UserIdAsync(db, "steward2");
        Assert.Equal(0, (await enterprises.ListAsync(new EnterpriseQuery(StewardId: other), 0, 500)).Total);

        // Its own enterprise in detail; another steward's refused.
        var own = await enterprises.DetailAsync(ownIds[0]);
        Assert.True(own.IsOwnSteward);
        await Kit.RefusedAsync(() => enterprises.DetailAsync(othersEnterprise), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => enterprises.ListByIdAsync(othersEnterprise), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => enterprises.DetailAsync(999_999), EnterpriseService.NotYours); // the same answer: ids cannot be probed

        // Contact cards only for its own enterprises.
        var cards = await new ContactCardService(db, db.Actor, enterprises).CardsAsync(new EnterpriseQuery());
        Assert.Equal(24, cards.Count);
        Assert.All(cards, c => Assert.Equal(SeedJson.ServiceContacts.Count, c.Contacts.Count));
        Assert.All(cards, c => Assert.NotNull(c.StewardPhone));

        // Visits: only its own, exactly the seed's.
        var visits = Kit.Visits(db);
        var (visitRows, visitTotal) = await visits.ListAsync(new VisitQuery(), 0, 5000);
        var myVisits = SeedJson.Visits.Where(v => v.Steward == "steward").ToList();
        Assert.Equal(96, myVisits.Count);
        Assert.Equal(myVisits.Count, visitTotal);
        Assert.All(visitRows, v => Assert.Equal(me, v.StewardId));
        Assert.All(visitRows, v => Assert.Contains(v.EnterpriseId, ownIds));
        Assert.Equal(myVisits.Select(v => $"{v.Enterprise}|{Kit.Today.AddDays(-v.DaysAgo):yyyy-MM-dd}").Order(StringComparer.Ordinal),
            visitRows.Select(v => $"{v.Enterprise}|{v.VisitedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        Assert.Equal(0, (await visits.ListAsync(new VisitQuery(StewardId: other), 0, 100)).Total);
        Assert.Equal(0, (await visits.ListAsync(new VisitQuery(EnterpriseId: othersEnterprise), 0, 100)).Total);

        // Logging a visit to another steward's enterprise is refused, and nothing is written.
        await Kit.RefusedAsync(() => visits.LogAsync(new VisitInput
        {
            EnterpriseId = othersEnterprise, VisitedOn = Kit.Today, Duties = StewardDuties.Informant, Done = "走错了企业",
        }), EnterpriseService.NotYours);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(SeedJson.Visits.Count, await ctx.Visits.CountAsync());

        // Help matters: those it follows as agent or of its enterprises.
        var owner = SeedJson.Enterprises.ToDictionary(e => e.Name, e => e.Steward);
        var myMatters = SeedJson.Matters.Where(m => m.Agent == "steward" || owner[m.Enterprise] == "steward").ToList();
        Assert.NotEmpty(myMatters);
        var (matterRows, matterTotal) = await Kit.Matters(db).ListAsync(new HelpMatterQuery(), 0, 500);
        Assert.Equal(myMatters.Count, matterTotal);
        Assert.All(matterRows, m => Assert.True(m.Agent == "企业管家 陈晓" || ownIds.Contains(m.EnterpriseId), $"{m.Enterprise} {m.Name}"));
        Assert.Equal(myMatters.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            matterRows.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));

        // A steward does not read the coverage or the cadres.
        await Kit.RefusedAsync(() => Kit.Stewards(db).CoverageAsync(), DomainException.Forbidden);
        await Kit.RefusedAsync(() => Kit.Cadres(db).TotalsAsync(), DomainException.Forbidden);
    }

    [Fact]
    public async Task A_unit_sees_the_matters_where_it_is_a_window_and_the_office_sees_everything()
    {
        var db = _db;
        const string housing = "市住房和城乡建设局";
        var unitId = await Kit.UnitIdAsync(db, housing);
        db.SignIn("unit", AppRoles.Unit, unitId, housing);

        var expected = SeedJson.Matters.Where(m => m.Windows.Contains(housing)).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < SeedJson.Matters.Count);
        var (rows, total) = await Kit.Matters(db).ListAsync(new HelpMatterQuery(), 0, 500);
        Assert.Equal(expected.Count, total);
        Assert.All(rows, r => Assert.Contains(housing, r.Windows));
        Assert.Equal(expected.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            rows.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(m => m.State == HelpState.Finished && m.FinishedOn >= new DateOnly(2022, 1, 1)), (await Kit.Matters(db).CountsAsync()).FinishedSince2022);
        // A unit does not read the visits.
        await Kit.RefusedAsync(() => Kit.Visits(db).ListAsync(new VisitQuery(), 0, 10), DomainException.Forbidden);

        // The Office sees all.
        Kit.AsOffice(db);
        Assert.Equal(240, (await Kit.Enterprises(db).ListAsync(new EnterpriseQuery(), 0, 1000)).Total);
        Assert.Equal(SeedJson.Visits.Count, (await Kit.Visits(db).ListAsync(new VisitQuery(), 0, 10)).Total);
        Assert.Equal(SeedJson.Matters.Count, (await Kit.Matters(db).ListAsync(new HelpMatterQuery(), 0, 10)).Total);
        // So do leaders and viewers.
        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Equal(240, (await Kit.Enterprises(db).ListAsync(new EnterpriseQuery(), 0, 10)).Total);
        Assert.Equal(SeedJson.Matters.Count, (await Kit.Matters(db).ListAsync(new HelpMatterQuery(), 0, 10)).Total);
    }

    [Fact]
    public async Task Overdue_visits_are_the_seeds_stale_or_never_visited_enterprises()
    {
        var db = _db;
        Kit.AsOffice(db);
        var days = await new SettingsService(db, db.Actor).IntAsync("steward.visitOverdueDays", -1);
        Assert.Equal(30, days);
        var today = db.Clock.Today();
        var cutoff = today.AddDays(-days);
        var last = SeedJson.Visits.GroupBy(v => v.Enterprise).ToDictionary(g => g.Key, g => today.AddDays(-g.Min(v => v.DaysAgo)));
        List<(string Name, DateOnly? Last)> Expected(Func<SeedJson.SeedEnterprise, bool> which) => SeedJson.Enterprises.Where(which)
            .Select(e => (e.Name, Last: last.TryGetValue(e.Name, out var d) ? d : (DateOnly?)null))
            .Where(x => x.Last is null || x.Last < cutoff)
            .OrderBy(x => x.Last).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();

        // The Office: every stale enterprise of the park, never visited first.
        var all = Expected(_ => true);
        var (officeRows, officeTotal, officeDays) = await Kit.Visits(db).OverdueAsync(500);
        Assert.Equal(30, officeDays);
        Assert.Equal(all.Count, officeTotal);
        Assert.Equal(all.Select(x => x.Name), officeRows.Select(r => r.Name));
        Assert.Equal(all.Select(x => x.Last), officeRows.Select(r => r.LastVisit));

        // The steward: exactly its own.
        var me = await Kit.UserIdAsync(db, "steward");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var expected = Expected(e => e.Steward == "steward");
        Assert.NotEmpty(expected);
        var (rows, total, stewardDays) = await Kit.Visits(db).OverdueAsync();
        Assert.Equal(30, stewardDays);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Select(x => x.Name), rows.Select(r => r.Name));
        Assert.Equal(expected.Select(x => x.Last), rows.Select(r => r.LastVisit));
        Assert.All(rows, r => Assert.Equal("企业管家 陈晓", r.Steward));
        Assert.All(rows, r => Assert.True(Stewarding.VisitOverdue(r.LastVisit, today, days)));
        // The register's filter agrees.
        Assert.Equal(expected.Count, (await Kit.Enterprises(db).ListAsync(new EnterpriseQuery(VisitOverdue: true), 0, 100)).Total);
    }
}

/// <summary>The Excel import: all or nothing, or only the good rows on request; only the Office imports.</summary>
public sealed class EnterpriseImportDataTests
{
    private static readonly string[] Header = EnterpriseExcel.Columns.Select(c => c.Header).ToArray();

    [Fact]
    public async Task A_good_file_imports_every_row()
    {
        await using var db = await Seeds.SeededAsync(new ParkZoneSeed());
        var file = Workbook(Header,
            Row("祁阳导入新材料有限公司", Kit.Code(1), "新材料", "是", "科技工业园", "祁阳高新区科技工业园湘江路 1 号", "张三", "13874600001"),
            Row("祁阳导入电子科技有限公司", Kit.Code(2).ToLowerInvariant(), "电子信息", "否", "高新区核心区", null, null, "0746-3221234"),
            Row("祁阳导入物流有限公司", Kit.Code(3), "现代物流", null));

        // Only the Office imports.
        foreach (var (name, role) in new[] { ("viewer", AppRoles.Viewer), ("leader", AppRoles.Leader), ("steward", AppRoles.Steward), ("unit", AppRoles.Unit) })
        {
            db.SignIn(name, role);
            await Kit.RefusedAsync(() => Import(db).ImportAsync(new MemoryStream(file), false), DomainException.Forbidden);
            await Kit.RefusedAsync(() => Import(db).ImportAsync(new MemoryStream(file), true), DomainException.Forbidden);
        }
        Assert.Equal(0, await CountAsync(db));

        Kit.AsOffice(db);
        var report = await Import(db).ImportAsync(new MemoryStream(file), false);
        Assert.Equal(3, report.Imported);
        Assert.Empty(report.Errors);
        Assert.Empty(report.SkippedRows);
        Assert.False(report.ValidOnly);
        Assert.Equal(3, await CountAsync(db));

        await using (var ctx = db.CreateDbContext())
        {
            var list = await ctx.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["祁阳导入新材料有限公司", "祁阳导入电子科技有限公司", "祁阳导入物流有限公司"], list.Select(e => e.Name));
            Assert.Equal([Kit.Code(1), Kit.Code(2), Kit.Code(3)], list.Select(e => e.CreditCode));
            Assert.Equal([true, false, false], list.Select(e => e.IsAboveSize));
            Assert.Equal(["新材料", "电子信息", "现代物流"], list.Select(e => e.Industry));
            Assert.Equal(["科技工业园", "高新区核心区", null], list.Select(e => e.Zone));
            Assert.Equal("祁阳高新区科技工业园湘江路 1 号", list[0].Address);
            Assert.Null(list[1].Address);
            Assert.Equal("张三", list[0].ContactPerson);
            Assert.Equal("13874600001", list[0].ContactPhone);
            Assert.Equal("0746-3221234", list[1].ContactPhone);
            Assert.All(list, e => Assert.Null(e.StewardId));
        }

        // The same file again: every row is already registered, nothing is imported.
        var again = await Import(db).ImportAsync(new MemoryStream(file), false);
        Assert.Equal(0, again.Imported);
        Assert.Equal(
            [
                new ImportError(2, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(1)} 已登记，不能重复导入"),
                new ImportError(3, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(2)} 已登记，不能重复导入"),
                new ImportError(4, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(3)} 已登记，不能重复导入"),
            ], again.Errors);
        Assert.Equal(3, await CountAsync(db));

        // A wrong header, an empty file and a file that is not a workbook import nothing.
        var badHeader = (string[])Header.Clone();
        badHeader[2] = "所属行业";
        var wrongHeader = await Import(db).ImportAsync(new MemoryStream(Workbook(badHeader, Row("祁阳表头错误有限公司", Kit.Code(4), "新材料"))), true);
        Assert.Equal(0, wrongHeader.Imported);
        Assert.Equal([new ImportError(1, "行业", "表头第 3 列应为“行业”，请使用下载的模板")], wrongHeader.Errors);
        var empty = await Import(db).ImportAsync(new MemoryStream(Workbook(Header)), true);
        Assert.Equal(0, empty.Imported);
        Assert.Equal([new ImportError(0, "-", "文件中没有企业数据")], empty.Errors);
        var notExcel = await Import(db).ImportAsync(new MemoryStream("企业名称,统一社会信用代码"u8.ToArray()), true);
        Assert.Equal(0, notExcel.Imported);
        Assert.Equal([new ImportError(0, "-", "文件不是有效的 Excel 工作簿（.xlsx）")], notExcel.Errors);
        Assert.Equal(3, await CountAsync(db));
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_unless_only_the_valid_rows_are_asked_for()
    {
        await using var db = await Seeds.SeededAsync(new ParkZoneSeed());
        Kit.AsOffice(db);
        var registered = Kit.Code(10);
        await Kit.Enterprises(db).SaveAsync(new EnterpriseEdit { Name = "祁阳已登记实业有限公司", CreditCode = registered, Industry = "建材" });
        Assert.Equal(1, await CountAsync(db));

        string a = Kit.Code(11), b = Kit.Code(12), c = Kit.Code(13), d = Kit.Code(14), e = Kit.Code(15), f = Kit.Code(17), checkOf16 = Kit.Code(16);
        var wrongCheck = checkOf16[..17] + (checkOf16[17] == '0' ? "1" : "0");
        var file = Workbook(Header,
            Row("祁阳甲新材料有限公司", a, "新材料", "是", "科技工业园"),          // 2 good
            Row("祁阳乙电子有限公司", wrongCheck, "电子信息"),                    // 3 bad check character
            Row("祁阳丙食品有限公司", b, "食品加工"),                              // 4 good
            Row("祁阳丁食品有限公司", a, "食品加工"),                              // 5 the code of row 2 again
            Row("祁阳戊建材有限公司", registered, "建材"),                         // 6 already registered
            Row(null, d, "建材"),                                                  // 7 no name
            Row("祁阳己地产有限公司", e, "房地产"),                                // 8 not an industry of the dictionary
            Row("祁阳庚物流有限公司", c, "现代物流", "否", "黎家坪片区"),          // 9 good
            Row("祁阳辛纺织有限公司", f, "纺织服装", "可能"));                    // 10 是否规上 neither 是 nor 否
        List<ImportError> expected =
        [
            new(3, "统一社会信用代码", $"统一社会信用代码校验位错误（第 18 位应为“{checkOf16[17]}”）"),
            new(5, "统一社会信用代码", $"统一社会信用代码 {a} 与第 2 行重复"),
            new(6, "统一社会信用代码", $"统一社会信用代码 {registered} 已登记，不能重复导入"),
            new(7, "企业名称", "企业名称不能为空"),
            new(8, "行业", "行业“房地产”不在行业字典中"),
            new(10, "是否规上", "“可能”应填“是”或“否”"),
        ];

        // All or nothing: every problem reported, nothing written.
        var report = await Import(db).ImportAsync(new MemoryStream(file), false);
        Assert.Equal(0, report.Imported);
        Assert.False(report.ValidOnly);
        Assert.Equal(expected, report.Errors);
        Assert.Equal([3, 5, 6, 7, 8, 10], report.SkippedRows);
        Assert.Equal(1, await CountAsync(db));

        // Only the valid rows: 甲, 丙 and 庚, the bad rows listed as skipped.
        var validOnly = await Import(db).ImportAsync(new MemoryStream(file), true);
        Assert.Equal(3, validOnly.Imported);
        Assert.True(validOnly.ValidOnly);
        Assert.Equal(expected, validOnly.Errors);
        Assert.Equal([3, 5, 6, 7, 8, 10], validOnly.SkippedRows);
        Assert.Equal(4, await CountAsync(db));
        await using var ctx = db.CreateDbContext();
        var imported = await ctx.Enterprises.AsNoTracking().Where(x => x.CreditCode != registered).OrderBy(x => x.Id).ToListAsync();
        Assert.Equal(["祁阳甲新材料有限公司", "祁阳丙食品有限公司", "祁阳庚物流有限公司"], imported.Select(x => x.Name));
        Assert.Equal([a, b, c], imported.Select(x => x.CreditCode));
        Assert.Equal("祁阳已登记实业有限公司", (await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.CreditCode == registered)).Name);
    }

    private static EnterpriseImportService Import(TestDb db) => new(db, db.Actor, new SettingsService(db, db.Actor));

    private static async Task<int> CountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Enterprises.CountAsync();
    }

    /// <summary>A row of the template's eight columns: 企业名称, 统一社会信用代码, 行业, 是否规上, 所在园区, 地址, 联系人, 联系电话.</summary>
    private static string?[] Row(string? name, string? code, string? industry, string? above = "否", string? zone = null, string? address = null, string? person = null, string? phone = null) =>
        [name, code, industry, above, zone, address, person, phone];

    /// <summary>An .xlsx with the header in row 1 and the rows from row 2; null cells are left empty, text written as text.</summary>
    private static byte[] Workbook(string[] header, params string?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("企业名录");
        for (var col = 0; col < header.Length; col++) ws.Cell(1, col + 1).Text(header[col]);
        for (var r = 0; r < rows.Length; r++)
            for (var col = 0; col < rows[r].Length; col++)
                if (rows[r][col] is { } v) ws.Cell(r + 2, col + 1).Text(v);
        return wb.ToBytes();
    }
}

/// <summary>企业管家: bulk (re)assignment with history and reminders, and coverage against the 100% target.</summary>
public sealed class StewardDataTests
{
    [Fact]
    public async Task A_disabled_steward_leaves_its_enterprises_uncovered_until_they_are_reassigned()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        await using (var ctx = db.CreateDbContext())
        {
            (await ctx.Users.SingleAsync(u => u.Id == steward2)).IsDisabled = true;
            await ctx.SaveChangesAsync();
        }
        Kit.AsOffice(db);
        var stewards = Kit.Stewards(db);
        var coverage = await stewards.CoverageAsync();
        Assert.Equal((240, 216, 90.0m), (coverage.All, coverage.Covered, coverage.Percent));
        Assert.Equal(24, coverage.Uncovered.Count);
        Assert.Equal(24, (await Kit.Enterprises(db).ListAsync(new EnterpriseQuery(NoSteward: true), 0, 100)).Total);
        Assert.DoesNotContain(await stewards.WorkloadAsync(), r => r.Id == steward2);

        // Taking over from a steward who left needs no reason; the history says why the old assignment ended.
        var ids = coverage.Uncovered.Select(e => e.Id).ToList();
        Assert.Equal(24, await stewards.AssignAsync(ids, steward3, null, coverage.Uncovered.ToDictionary(e => e.Id, e => e.Version)));
        Assert.Equal(100m, (await stewards.CoverageAsync()).Percent);
        await using (var ctx = db.CreateDbContext())
            Assert.All(await ctx.StewardAssignments.Where(a => a.StewardId == steward2 && a.To == Kit.Today).ToListAsync(), a => Assert.Equal("原管家已离岗", a.Reason));
    }

    [Fact]
    public async Task Two_office_users_changing_the_same_enterprises_steward_the_second_is_refused()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var steward4 = await Kit.UserIdAsync(db, "steward4");
        var id = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        int version;
        await using (var ctx = db.CreateDbContext()) version = (await ctx.Enterprises.SingleAsync(e => e.Id == id)).Version;
        Kit.AsOffice(db);
        var stewards = Kit.Stewards(db);
        await stewards.AssignAsync([id], steward3, "岗位调整", new Dictionary<int, int> { [id] = version });
        await Kit.RefusedAsync(() => stewards.AssignAsync([id], steward4, "另一位同事的调整", new Dictionary<int, int> { [id] = version }), DomainException.Conflict);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(steward3, (await ctx.Enterprises.SingleAsync(e => e.Id == id)).StewardId);
            Assert.Equal(1, await ctx.StewardAssignments.CountAsync(a => a.EnterpriseId == id && a.To == null));
        }
    }

    [Fact]
    public async Task A_unit_sees_only_the_enterprises_it_serves_and_not_the_stewards_visit_notes()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var resources = await Kit.UnitIdAsync(db, "市自然资源局");
        var kunneng = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = Kit.Visits(db);
        var visitId = await visits.LogAsync(new VisitInput { EnterpriseId = kunneng, VisitedOn = Kit.Today, Duties = StewardDuties.Errands, Done = "了解用地需求", ProblemsFound = "二期用地报批进度慢" });
        await visits.ToNeedAsync(visitId, "其他", "协调二期用地报批", resources, Kit.Today.AddDays(10), 0);

        db.SignIn("unit", AppRoles.Unit, resources, "市自然资源局");
        var enterprises = Kit.Enterprises(db);
        var (rows, total) = await enterprises.ListAsync(new EnterpriseQuery(), 0, 500);
        Assert.Contains(rows, r => r.Id == kunneng);
        Assert.True(total < 240, $"a unit saw {total} enterprises");
        var detail = await enterprises.DetailAsync(kunneng);
        Assert.Empty(detail.Visits);
        Assert.Equal(0, detail.VisitCount);
        Assert.All(detail.Needs, n => Assert.Equal(resources, n.UnitId));
        Assert.Contains(detail.Needs, n => n.Description == "协调二期用地报批");
        var other = await Kit.EnterpriseIdAsync(db, "祁阳住信电气有限公司");
        if (!rows.Any(r => r.Id == other)) await Kit.RefusedAsync(() => enterprises.DetailAsync(other), EnterpriseService.NotYours);
    }

    [Fact]
    public async Task A_steward_cannot_log_a_visit_from_before_it_took_the_enterprise_over()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var id = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        Kit.AsOffice(db);
        await Kit.Stewards(db).AssignAsync([id], steward3, "岗位调整");
        db.SignIn("steward3", AppRoles.Steward, userId: steward3);
        await Kit.RefusedAsync(() => Kit.Visits(db).LogAsync(new VisitInput { EnterpriseId = id, VisitedOn = Kit.Today.AddDays(-1), Duties = StewardDuties.Liaison, Done = "对接" }),
            "走访日期不能早于您担任该企业管家的日期（2023-05-18）");
        Assert.True(await Kit.Visits(db).LogAsync(new VisitInput { EnterpriseId = id, VisitedOn = Kit.Today, Duties = StewardDuties.Liaison, Done = "对接" }) > 0);
    }

    [Fact]
    public async Task Assigning_a_steward_in_bulk_closes_the_old_assignments_and_opens_new_ones()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var office = await Kit.UserIdAsync(db, "office");
        var leader = await Kit.UserIdAsync(db, "leader");
        List<Enterprise> moving;
        Enterprise staying;
        await using (var ctx = db.CreateDbContext())
        {
            moving = await ctx.Enterprises.AsNoTracking().Where(e => e.StewardId == steward2 && ctx.StewardAssignments.Count(a => a.EnterpriseId == e.Id) == 1)
                .OrderBy(e => e.Id).Take(3).ToListAsync();
            staying = await ctx.Enterprises.AsNoTracking().Where(e => e.StewardId == steward3).OrderBy(e => e.Id).FirstAsync();
        }
        Assert.Equal(3, moving.Count);
        List<int> ids = [.. moving.Select(e => e.Id), staying.Id];
        var before = await SnapshotAsync(db);
        var stewards = Kit.Stewards(db);

        // Refused, and nothing written.
        var stewardId = await Kit.UserIdAsync(db, "steward");
        db.SignIn("steward", AppRoles.Steward, userId: stewardId);
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, "调整"), DomainException.Forbidden);
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => stewards.AssignAsync([], steward3, "调整"), "请选择要分配管家的企业");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, null, "调整"), "请选择企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, " ", "调整"), "请选择企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, null), "更换管家须填写原因");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, "   "), "更换管家须填写原因");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, office, "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, leader, "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, "no-such-user", "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync([.. ids, 999_999], steward3, "调整"), "部分企业不存在，请刷新后重试");
        Assert.Equal(before, await SnapshotAsync(db));

        // Three change hands; the fourth is already steward3's and is left alone.
        Assert.Equal(3, await stewards.AssignAsync(ids, steward3, "  按片区重新划分包联企业 "));
        await using (var ctx = db.CreateDbContext())
        {
            foreach (var e in moving)
            {
                var now = await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.Id == e.Id);
                Assert.Equal(steward3, now.StewardId);
                Assert.Equal(Kit.Today, now.StewardSince);
                var history = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == e.Id).OrderBy(a => a.Id).ToListAsync();
                Assert.Equal(2, history.Count);
                Assert.Equal(steward2, history[0].StewardId);
                Assert.Equal(e.StewardSince, history[0].From);
                Assert.Equal(Kit.Today, history[0].To);
                Assert.Equal(steward3, history[1].StewardId);
                Assert.Equal(Kit.Today, history[1].From);
                Assert.Null(history[1].To);
                Assert.Null(history[1].Reason);
                Assert.Equal("office", history[1].By);
            }
            var kept = await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.Id == staying.Id);
            Assert.Equal(steward3, kept.StewardId);
            Assert.Equal(staying.StewardSince, kept.StewardSince);
            var keptHistory = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == staying.Id).ToListAsync();
            Assert.Equal(before.AssignmentsOf[staying.Id], keptHistory.Count);
            Assert.Null(Assert.Single(keptHistory, a => a.To == null).To);

            // One reminder for the new steward.
            var reminder = Assert.Single(await ctx.Reminders.AsNoTracking().Where(r => r.Id > before.LastReminder).ToListAsync());
            Assert.Equal(steward3, reminder.UserId);
            Assert.Equal("您新增负责 3 家企业的管家服务", reminder.Title);
            Assert.Equal("/enterprises", reminder.Link);
        }
        var afterBulk = await SnapshotAsync(db);
        Assert.Equal(before.Assignments + 3, afterBulk.Assignments);

        // Assigning again changes nothing and reminds nobody.
        Assert.Equal(0, await stewards.AssignAsync(ids, steward3, null));
        Assert.Equal(afterBulk, await SnapshotAsync(db));

        // One enterprise back to steward2: its steward3 assignment (opened without a reason) is closed with this one.
        var back = moving[0];
        Assert.Equal(1, await stewards.AssignAsync([back.Id], steward2, "退回原管家"));
        await using (var ctx = db.CreateDbContext())
        {
            var history = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == back.Id).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(3, history.Count);
            Assert.Equal(steward3, history[1].StewardId);
            Assert.Equal(Kit.Today, history[1].To);
            Assert.Equal("退回原管家", history[1].Reason);
            Assert.Equal(steward2, history[2].StewardId);
            Assert.Null(history[2].To);
            var reminder = await ctx.Reminders.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
            Assert.Equal(steward2, reminder.UserId);
            Assert.Equal($"您已被确定为“{back.Name}”的企业管家", reminder.Title);
            Assert.Equal($"/enterprises/{back.Id}", reminder.Link);
        }

        // Coverage is still complete.
        var coverage = await stewards.CoverageAsync();
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
    }

    [Fact]
    public async Task Reassigning_a_first_assignment_keeps_the_reason_on_the_closed_assignment()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        int id;
        await using (var ctx = db.CreateDbContext())
        {
            id = await ctx.Enterprises.Where(e => e.StewardId == steward2
                    && ctx.StewardAssignments.Count(a => a.EnterpriseId == e.Id) == 1
                    && ctx.StewardAssignments.Any(a => a.EnterpriseId == e.Id && a.To == null && a.Reason == "首次配备"))
                .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }
        Kit.AsOffice(db);

        Assert.Equal(1, await Kit.Stewards(db).AssignAsync([id], steward3, "原管家轮岗交流"));

        await using (var ctx = db.CreateDbContext())
        {
            var closed = await ctx.StewardAssignments.AsNoTracking().SingleAsync(a => a.EnterpriseId == id && a.StewardId == steward2);
            Assert.Equal(Kit.Today, closed.To);
            // The seeds record why a steward changed on the closed assignment (their "previous" rows); a change must not lose its reason.
            Assert.Equal("原管家轮岗交流", closed.Reason);
        }
    }

    [Fact]
    public async Task An_enterprise_without_a_steward_lowers_the_coverage_and_a_known_credit_code_is_refused()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward = await Kit.UserIdAsync(db, "steward");
        Kit.AsOffice(db);
        var enterprises = Kit.Enterprises(db);
        var stewards = Kit.Stewards(db);
        Assert.Equal(100m, (await stewards.CoverageAsync()).Percent);

        EnterpriseEdit Edit() => new()
        {
            Name = " 祁阳新登记科技有限公司 ", CreditCode = Kit.Code(21), Industry = "电子信息", IsAboveSize = true, Zone = "高新区核心区",
            Address = "祁阳高新区核心区创新路 8 号", ContactPerson = "周强", ContactPhone = "0746-3221234",
        };

        // The form's checks.
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Name = "  ")), "企业名称不能为空");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Industry = "房地产")), "行业“房地产”不在行业字典中");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Zone = "浯溪工业园")), "园区“浯溪工业园”不在园区字典中");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.ContactPhone = "12345")), "联系电话“12345”应为 11 位手机号或带区号的固定电话");
        // A code already registered (typed in lower case with spaces) is refused.
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.CreditCode = " 91431181ma4ewmlqew ")), "统一社会信用代码 91431181MA4EWMLQEW 已登记");
        // Only the Office registers.
        db.SignIn("steward", AppRoles.Steward, userId: steward);
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Edit()), DomainException.Forbidden);
        Kit.AsOffice(db);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(240, await ctx.Enterprises.CountAsync());

        var id = await enterprises.SaveAsync(Edit());
        var coverage = await stewards.CoverageAsync();
        Assert.Equal(241, coverage.All);
        Assert.Equal(240, coverage.Covered);
        Assert.Equal(99.6m, coverage.Percent);
        Assert.True(coverage.Percent < 100m);
        var uncovered = Assert.Single(coverage.Uncovered);
        Assert.Equal(id, uncovered.Id);
        Assert.Equal("祁阳新登记科技有限公司", uncovered.Name);
        Assert.Null(uncovered.Steward);
        Assert.Equal(71, coverage.AboveSize);
        Assert.Equal(70, coverage.AboveSizeWithRoom);
        Assert.Equal(id, Assert.Single(coverage.WithoutRoom).Id);
        Assert.Equal(id, Assert.Single((await enterprises.ListAsync(new EnterpriseQuery(NoSteward: true), 0, 10)).Rows).Id);
        Assert.Equal(id, Assert.Single((await enterprises.ListAsync(new EnterpriseQuery(NoRoom: true), 0, 10)).Rows).Id);
        var figure = (await new EnterpriseFigures(db, db.Actor, Kit.Settings(db), db.Clock).FiguresAsync(CancellationToken.None))[0];
        Assert.Equal($"{99.6m}%", figure.Value);
        Assert.Equal("240 / 241 家企业配备管家", figure.Note);

        // Its own code again on an edit is fine; another's is refused; a stale version is a conflict.
        Enterprise saved;
        await using (var ctx = db.CreateDbContext())
            saved = await ctx.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id);
        var edit = EnterpriseEdit.From(saved);
        edit.Address = "祁阳高新区核心区创新路 9 号";
        Assert.Equal(id, await enterprises.SaveAsync(edit));
        await Kit.RefusedAsync(() => enterprises.SaveAsync(edit), DomainException.Conflict);
        var other = EnterpriseEdit.From(saved);
        other.Version = saved.Version + 1;
        other.CreditCode = "91431181MA4EWMLQEW";
        await Kit.RefusedAsync(() => enterprises.SaveAsync(other), "统一社会信用代码 91431181MA4EWMLQEW 已登记");

        // A first steward needs no reason; coverage is complete again.
        Assert.Equal(1, await stewards.AssignAsync([id], steward, null));
        await using (var ctx = db.CreateDbContext())
        {
            var assignment = await ctx.StewardAssignments.AsNoTracking().SingleAsync(a => a.EnterpriseId == id);
            Assert.Equal(steward, assignment.StewardId);
            Assert.Equal("首次配备", assignment.Reason);
            Assert.Equal(Kit.Today, assignment.From);
            Assert.Null(assignment.To);
        }
        coverage = await stewards.CoverageAsync();
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
    }

    private static EnterpriseEdit Change(EnterpriseEdit edit, Action<EnterpriseEdit> change)
    {
        change(edit);
        return edit;
    }

    private sealed record Snapshot(int Assignments, long LastReminder, int Reminders, IReadOnlyDictionary<int, int> AssignmentsOf, string Stewards)
    {
        public bool Equals(Snapshot? other) => other is not null && Assignments == other.Assignments && LastReminder == other.LastReminder && Reminders == other.Reminders && Stewards == other.Stewards;
        public override int GetHashCode() => HashCode.Combine(Assignments, LastReminder, Reminders, Stewards);
    }

    private static async Task<Snapshot> SnapshotAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        var assignments = await ctx.StewardAssignments.AsNoTracking().GroupBy(a => a.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var stewards = await ctx.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.StewardId, e.StewardSince }).ToListAsync();
        return new Snapshot(assignments.Sum(a => a.Count), await ctx.Reminders.MaxAsync(r => (long?)r.Id) ?? 0, await ctx.Reminders.CountAsync(),
            assignments.ToDictionary(a => a.Key, a => a.Count), string.Join(";", stewards.Select(e => $"{e.Id}:{e.StewardId}@{e.StewardSince:yyyy-MM-dd}")));
    }
}

/// <summary>走访记录: logging, and a finding turned into an enterprise need or a problem-list item.</summary>
public sealed class VisitDataTests
{
    [Fact]
    public async Task The_morning_job_reminds_each_steward_of_contacts_due_and_enterprises_overdue_once_a_day()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var job = new StewardRemindersJob(db, Kit.Settings(db), new QiyangConsole.Infrastructure.Jobs.JobRecorder(db, db.Clock), db.Clock);

        // What the seed says for "steward": enterprises not visited in 30 days, and latest visits whose next contact is due.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var (_, overdue, _) = await Kit.Visits(db).OverdueAsync();
        int due;
        await using (var ctx = db.CreateDbContext())
            due = (await ctx.Enterprises.Where(e => e.StewardId == me)
                .Select(e => ctx.Visits.Where(v => v.EnterpriseId == e.Id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.NextContactOn).FirstOrDefault())
                .ToListAsync()).Count(n => n != null && n <= Kit.Today);
        Assert.True(overdue > 0);

        var message = await job.RunAsync();
        Assert.Contains("新增提醒", message);
        await using (var ctx = db.CreateDbContext())
        {
            var mine = await ctx.Reminders.Where(r => r.UserId == me).Select(r => r.Title).ToListAsync();
            Assert.Contains($"您有 {overdue} 家企业超过 30 天未走访", mine);
            Assert.Equal(due > 0 ? 1 : 0, mine.Count(t => t.StartsWith("今日应联系：")));
        }
        var before = await CountAsync(db);
        await job.RunAsync();
        Assert.Equal(before, await CountAsync(db)); // the same day adds nothing twice

        static async Task<int> CountAsync(TestDb db) { await using var ctx = db.CreateDbContext(); return await ctx.Reminders.CountAsync(); }
    }

    [Fact]
    public async Task A_visit_photo_is_kept_beside_the_data_and_only_the_steward_and_readers_get_it_back()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var enterpriseId = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = Kit.Visits(db);
        var input = new VisitInput { EnterpriseId = enterpriseId, VisitedOn = Kit.Today, Duties = StewardDuties.Safeguard, Done = "检查厂区消防通道" };
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

        await Kit.RefusedAsync(() => visits.LogAsync(input, new QiyangConsole.Infrastructure.Files.Upload("现场.exe", new MemoryStream(jpeg))), "照片应为 jpg、png、webp 或 heic 格式");
        var id = await visits.LogAsync(input, new QiyangConsole.Infrastructure.Files.Upload("现场.JPG", new MemoryStream(jpeg)));

        var (fileName, path) = await visits.PhotoAsync(id);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(path));
        Assert.Equal("走访照片-20230518.jpg", fileName);
        Assert.StartsWith(db.Directory, path);
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        await Kit.RefusedAsync(() => visits.PhotoAsync(id), "走访记录不存在或不在您的服务范围内");
        db.SignIn("leader", AppRoles.Leader);
        Assert.Equal(path, (await visits.PhotoAsync(id)).Path);
    }

    [Fact]
    public async Task A_stewards_visit_finding_becomes_a_need_and_a_problem_once_each()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var hr = await Kit.UnitIdAsync(db, "市人力资源和社会保障局");
        const string name = "湖南坤能新材料有限公司";
        var enterpriseId = await Kit.EnterpriseIdAsync(db, name);
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = Kit.Visits(db);

        VisitInput Input(Action<VisitInput>? change = null)
        {
            var input = new VisitInput
            {
                EnterpriseId = enterpriseId, VisitedOn = Kit.Today.AddDays(-1), Duties = StewardDuties.Informant | StewardDuties.Liaison,
                Done = "  宣讲稳岗返还政策，收集企业用工需求 ", ProblemsFound = " 二期厂房投产缺少普工 50 人 ", NextContactOn = Kit.Today.AddDays(14),
            };
            change?.Invoke(input);
            return input;
        }

        // The form's checks.
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.EnterpriseId = null)), "请选择走访的企业");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = null)), "请填写走访日期");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = Kit.Today.AddDays(1))), "走访日期不能晚于今天");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = Kit.Today.AddDays(-91))), "只能补记 90 天内的走访");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.Duties = StewardDuties.None)), "请至少选择一项履行的“五员”职责");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.Done = "  ")), "请填写走访内容（做了什么）");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.NextContactOn = Kit.Today.AddDays(-2))), "下次联系日期不能早于走访日期");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.EnterpriseId = 999_999)), "企业不存在");
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => visits.LogAsync(Input()), DomainException.Forbidden);
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visitsBefore = await CountAsync(db, c => c.Visits);

        var visitId = await visits.LogAsync(Input());
        Assert.Equal(visitsBefore + 1, await CountAsync(db, c => c.Visits));
        var row = await visits.GetAsync(visitId);
        Assert.Equal(me, row.StewardId);
        Assert.Equal(name, row.Enterprise);
        Assert.Equal(Kit.Today.AddDays(-1), row.VisitedOn);
        Assert.Equal(StewardDuties.Informant | StewardDuties.Liaison, row.Duties);
        Assert.Equal("宣讲稳岗返还政策，收集企业用工需求", row.Done);
        Assert.Equal("二期厂房投产缺少普工 50 人", row.ProblemsFound);
        Assert.Equal(Kit.Today.AddDays(14), row.NextContactOn);
        Assert.Null(row.NeedId);
        Assert.Null(row.ProblemId);
        Assert.Equal(0, row.Version);

        // To an enterprise need: the checks, then a need of the enterprise for the unit, with a reminder for that unit.
        var needsBefore = await CountAsync(db, c => c.EnterpriseNeeds);
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "房地产", "招工", hr, Kit.Today.AddDays(30), 0), "请选择需求类型");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, null, "招工", hr, Kit.Today.AddDays(30), 0), "请选择需求类型");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", " ", hr, Kit.Today.AddDays(30), 0), "请填写需求内容");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, Kit.Today.AddDays(-1), 0), "请填写不早于今天的办理期限");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, null, 0), "请填写不早于今天的办理期限");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", null, Kit.Today.AddDays(30), 0), "请选择责任单位");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", 999_999, Kit.Today.AddDays(30), 0), "请选择责任单位");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(999_999, "用工", "招工", hr, Kit.Today.AddDays(30), 0), "走访记录不存在");
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, Kit.Today.AddDays(30), 0), "只能转办本人负责企业、本人走访中发现的问题");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        Assert.Equal(needsBefore, await CountAsync(db, c => c.EnterpriseNeeds));

        var needId = await visits.ToNeedAsync(visitId, "用工", " 二期厂房投产缺少普工 50 人 ", hr, new DateOnly(2023, 6, 30), 0);
        await using (var ctx = db.CreateDbContext())
        {
            var need = await ctx.EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == needId);
            Assert.Equal(enterpriseId, need.EnterpriseId);
            Assert.Null(need.ProjectId);
            Assert.Equal(hr, need.UnitId);
            Assert.Equal("用工", need.Type);
            Assert.Equal("二期厂房投产缺少普工 50 人", need.Description);
            Assert.Equal(new DateOnly(2023, 6, 30), need.Deadline);
            Assert.Equal(NeedState.Open, need.State);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"enterprise-need-{needId}");
            Assert.Equal(hr, reminder.UnitId);
            Assert.Null(reminder.UserId);
            Assert.Equal($"企业需求待办：{name} — 二期厂房投产缺少普工 50 人", reminder.Title);
            Assert.Equal("/projects/needs", reminder.Link);
            var visit = await ctx.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(needId, visit.NeedId);
            Assert.Null(visit.ProblemId);
            Assert.Equal(1, visit.Version);
        }
        Assert.Equal(needsBefore + 1, await CountAsync(db, c => c.EnterpriseNeeds));
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "再转一次", hr, Kit.Today.AddDays(30), 1), "该走访发现的问题已经转办过");
        Assert.Equal(needsBefore + 1, await CountAsync(db, c => c.EnterpriseNeeds));

        // To the problem list: registered with the enterprise, a Registered step, a reminder for the Office.
        var problemsBefore = await CountAsync(db, c => c.Problems);
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "水电", "厂区排水管网堵塞", false, 1), "请选择问题类别");
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "基础设施", "  ", false, 1), "请填写问题描述");
        Assert.Equal(problemsBefore, await CountAsync(db, c => c.Problems));

        var problemId = await visits.ToProblemAsync(visitId, "基础设施", " 厂区排水管网堵塞，雨季易内涝 ", true, 1);
        await using (var ctx = db.CreateDbContext())
        {
            var problem = await ctx.Problems.AsNoTracking().SingleAsync(p => p.Id == problemId);
            Assert.Equal(enterpriseId, problem.EnterpriseId);
            Assert.Equal(name, problem.EnterpriseName);
            Assert.Equal("厂区排水管网堵塞，雨季易内涝", problem.Description);
            Assert.Equal("基础设施", problem.Category);
            Assert.True(problem.IsUrgent);
            Assert.Equal(ProblemState.Registered, problem.State);
            Assert.Null(problem.UnitId);
            Assert.Null(problem.EventId);
            Assert.Equal(Kit.Today, problem.RaisedOn);
            var step = await ctx.ProblemSteps.AsNoTracking().SingleAsync(s => s.ProblemId == problemId);
            Assert.Equal(ProblemStepKind.Registered, step.Kind);
            Assert.Equal($"{name}：厂区排水管网堵塞，雨季易内涝", step.Text);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"visit-problem-{problemId}");
            Assert.Equal(AppRoles.Office, reminder.Role);
            Assert.Equal($"企业管家上报问题待交办：{name}", reminder.Title);
            Assert.Equal($"/exchanges/problems/{problemId}", reminder.Link);
            var visit = await ctx.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(needId, visit.NeedId);
            Assert.Equal(problemId, visit.ProblemId);
            Assert.Equal(2, visit.Version);
        }
        Assert.Equal(problemsBefore + 1, await CountAsync(db, c => c.Problems));
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "基础设施", "再转一次", false, 2), "该走访发现的问题已经转办过");
        Assert.Equal(problemsBefore + 1, await CountAsync(db, c => c.Problems));

        // The enterprise's page shows the visit, the need and the problem.
        var detail = await Kit.Enterprises(db).DetailAsync(enterpriseId);
        Assert.Contains(detail.Visits, v => v.Id == visitId && v.NeedId == needId && v.ProblemId == problemId);
        Assert.Contains(detail.Needs, n => n.Id == needId);
        Assert.Contains(detail.Problems, p => p.Id == problemId);
        Assert.Equal(SeedJson.Visits.Count(v => v.Steward == "steward") + 1, (await visits.ListAsync(new VisitQuery(), 0, 1)).Total);
    }

    [Fact]
    public async Task Turning_a_visit_with_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var hr = await Kit.UnitIdAsync(db, "市人力资源和社会保障局");
        var enterpriseId = await Kit.EnterpriseIdAsync(db, "祁阳住信电气有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = Kit.Visits(db);
        var visitId = await visits.LogAsync(new VisitInput
        {
            EnterpriseId = enterpriseId, VisitedOn = Kit.Today, Duties = StewardDuties.Errands, Done = "代办排污许可变更", ProblemsFound = "车间用工缺口 20 人",
        });
        var needs = await CountAsync(db, c => c.EnterpriseNeeds);
        var problems = await CountAsync(db, c => c.Problems);

        // The visit is at version 0; another version is someone else's change.
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "车间用工缺口 20 人", hr, Kit.Today.AddDays(10), 3), DomainException.Conflict);
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "用工", "车间用工缺口 20 人", false, 3), DomainException.Conflict);

        Assert.Equal(needs, await CountAsync(db, c => c.EnterpriseNeeds));
        Assert.Equal(problems, await CountAsync(db, c => c.Problems));
        var row = await visits.GetAsync(visitId);
        Assert.Null(row.NeedId);
        Assert.Null(row.ProblemId);
        Assert.Equal(0, row.Version);
    }

    private static async Task<int> CountAsync<T>(TestDb db, Func<AppDbContext, IQueryable<T>> set)
    {
        await using var ctx = db.CreateDbContext();
        return await set(ctx).CountAsync();
    }
}

/// <summary>帮代办: 1+1+N matters, 受理 → 办理中 → 已办结, acted on by the agent only.</summary>
public sealed class HelpMatterDataTests
{
    [Fact]
    public async Task A_finished_matter_is_due_for_a_callback_once_and_the_rating_counts_for_the_agents_unit()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var own = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        var approval = await Kit.UnitIdAsync(db, "市行政审批服务局");
        var centre = await Kit.UnitIdAsync(db, "高新区企业服务中心");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var matters = Kit.Matters(db);
        var id = await matters.CreateAsync(new HelpMatterInput { EnterpriseId = own, Name = "排污许可证变更", Mode = HelpMode.Help, WindowUnitIds = [approval], AcceptedOn = Kit.Today.AddDays(-2) });
        Kit.AsOffice(db);
        var callbacks = new CallbackService(db, db.Actor, new CalendarService(db, new CalendarCache(), db.Actor), Kit.Settings(db), Kit.Problems(db), db.Clock);
        Assert.DoesNotContain(await callbacks.DueMattersAsync(), m => m.Id == id);
        await Kit.RefusedAsync(() => callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.Satisfied }), "帮代办事项办结后才能回访");

        db.SignIn("steward", AppRoles.Steward, userId: me);
        var version = (await matters.ListAsync(new HelpMatterQuery(EnterpriseId: own), 0, 100)).Rows.Single(r => r.Id == id).Version;
        await matters.FinishAsync(id, "已取得变更后的排污许可证", version);
        Kit.AsOffice(db);
        var due = Assert.Single(await callbacks.DueMattersAsync(), m => m.Id == id);
        Assert.Equal(("湖南坤能新材料有限公司", Kit.Today), (due.Enterprise, due.FinishedOn));
        await using (var ctx = db.CreateDbContext())
            Assert.True(await ctx.Reminders.AnyAsync(r => r.Role == AppRoles.Office && r.DedupKey == $"help-matter-finished-{id}"));

        var callbackId = await callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.VerySatisfied });
        Assert.DoesNotContain(await callbacks.DueMattersAsync(), m => m.Id == id);
        await Kit.RefusedAsync(() => callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.Satisfied }), "该帮代办事项已回访");
        await using (var ctx = db.CreateDbContext())
        {
            var callback = await ctx.Callbacks.SingleAsync(c => c.Id == callbackId);
            Assert.Equal((id, centre), (callback.HelpMatterId, callback.UnitId));
            Assert.StartsWith("帮代办回访：湖南坤能新材料有限公司 排污许可证变更", callback.Subject);
        }
    }

    [Fact]
    public async Task A_steward_opens_a_matter_for_its_enterprise_and_follows_it_to_the_end()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var ecology = await Kit.UnitIdAsync(db, "市生态环境局");
        var approval = await Kit.UnitIdAsync(db, "市行政审批服务局");
        var own = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        int others;
        await using (var ctx = db.CreateDbContext())
            others = await ctx.Enterprises.Where(e => e.StewardId == steward2).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var matters = Kit.Matters(db);

        HelpMatterInput Input(Action<HelpMatterInput>? change = null)
        {
            var input = new HelpMatterInput
            {
                EnterpriseId = own, Name = " 排污许可证变更 ", Mode = HelpMode.Proxy, AgentId = steward2, WindowUnitIds = [ecology, approval, ecology],
                AcceptedOn = Kit.Today.AddDays(-2), PromisedOn = Kit.Today.AddDays(10),
            };
            change?.Invoke(input);
            return input;
        }

        db.SignIn("steward", AppRoles.Steward, userId: me);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = null)), "请选择企业");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Name = " ")), "请填写事项名称");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Mode = null)), "请选择帮代办方式（领办、导办、帮办或代办）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Mode = (HelpMode)9)), "请选择帮代办方式（领办、导办、帮办或代办）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.WindowUnitIds = [])), "请选择至少一个联办审批窗口（+N）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AcceptedOn = null)), "请填写受理日期");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AcceptedOn = Kit.Today.AddDays(1))), "受理日期不能晚于今天");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.PromisedOn = Kit.Today.AddDays(-3))), "承诺办结日期不能早于受理日期");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = others)), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = 999_999)), "企业不存在");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.WindowUnitIds = [ecology, 999_999])), "所选审批窗口中有已停用或不存在的单位");
        db.SignIn("viewer", AppRoles.Viewer);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input()), DomainException.Forbidden);
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = null)), "请选择全程跟踪的帮代办人员（1+1）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = "no-such-user")), "帮代办人员应为在岗的企业管家或专班办公室人员");
        string leader;
        await using (var ctx = db.CreateDbContext()) leader = await ctx.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = leader)), "帮代办人员应为在岗的企业管家或专班办公室人员");
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(SeedJson.Matters.Count, await ctx.HelpMatters.CountAsync());

        // A steward is its own agent whatever the form says.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var id = await matters.CreateAsync(Input());
        await using (var ctx = db.CreateDbContext())
        {
            var matter = await ctx.HelpMatters.AsNoTracking().Include(m => m.Windows).SingleAsync(m => m.Id == id);
            Assert.Equal(me, matter.AgentId);
            Assert.Equal(own, matter.EnterpriseId);
            Assert.Equal("排污许可证变更", matter.Name);
            Assert.Equal(HelpMode.Proxy, matter.Mode);
            Assert.Equal(HelpState.Accepted, matter.State);
            Assert.Equal(Kit.Today.AddDays(-2), matter.AcceptedOn);
            Assert.Equal(Kit.Today.AddDays(10), matter.PromisedOn);
            Assert.Null(matter.FinishedOn);
            Assert.Equal(new[] { approval, ecology }.Order(), matter.Windows.Select(w => w.UnitId).Order());
        }
        Assert.Contains((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);

        // Another steward neither sees nor acts on it; a window unit sees it.
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        Assert.DoesNotContain((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);
        await Kit.RefusedAsync(() => matters.StartAsync(id, 0), "只有全程跟踪该事项的帮代办人员可以办理");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "代为办结", 0), "只有全程跟踪该事项的帮代办人员可以办理");
        db.SignIn("unit", AppRoles.Unit, ecology, "市生态环境局");
        Assert.Contains((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);
        await Kit.RefusedAsync(() => matters.StartAsync(id, 0), DomainException.Forbidden);

        // 受理 → 办理中 → 已办结 by the agent.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        await matters.StartAsync(id, 0);
        Assert.Equal((HelpState.InProgress, 1), await StateAsync(db, id));
        await Kit.RefusedAsync(() => matters.StartAsync(id, 1), "事项已在办理中");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "  ", 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, null, 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "已取得排污许可证", 0), DomainException.Conflict);
        Assert.Equal((HelpState.InProgress, 1), await StateAsync(db, id));

        await matters.FinishAsync(id, " 已取得变更后的排污许可证 ", 1);
        await using (var ctx = db.CreateDbContext())
        {
            var matter = await ctx.HelpMatters.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(HelpState.Finished, matter.State);
            Assert.Equal(Kit.Today, matter.FinishedOn);
            Assert.Equal("已取得变更后的排污许可证", matter.Result);
            Assert.Equal(2, matter.Version);
        }
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "再办结一次", 2), "事项已办结");
        await Kit.RefusedAsync(() => matters.StartAsync(id, 2), "事项已办结");

        // The figure counts it.
        Kit.AsOffice(db);
        Assert.Equal(187, (await matters.CountsAsync()).FinishedSince2022);
        Assert.Equal("187", (await new EnterpriseFigures(db, db.Actor, Kit.Settings(db), db.Clock).FiguresAsync(CancellationToken.None))[1].Value);
    }

    private static async Task<(HelpState, int)> StateAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        var m = await ctx.HelpMatters.AsNoTracking().SingleAsync(x => x.Id == id);
        return (m.State, m.Version);
    }
}

/// <summary>百名干部联百企: links to an enterprise or a project, the three lists, and unlinking.</summary>
public sealed class CadreDataTests
{
    [Fact]
    public async Task The_office_edits_a_cadre_and_a_second_edit_from_the_same_version_is_refused()
    {
        await using var db = await TestDb.CreateAsync();
        await Seeds.Runner(db, Seeds.Config()).RunAsync();
        Kit.AsOffice(db);
        var cadres = Kit.Cadres(db);
        var unit = await Kit.UnitIdAsync(db, "市发展和改革局");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, " ", unit, null, null, 0), "请填写干部姓名");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, "覃磊", null, null, null, 0), "请选择干部所在单位");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, new string('覃', 31), unit, null, null, 0), "干部姓名不能超过 30 个字");
        var id = await cadres.SaveCadreAsync(0, " 覃磊 ", unit, "副局长", null, 0);

        await cadres.SaveCadreAsync(id, "覃磊", unit, "党组成员、副局长", "18212112796", 0);
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(id, "覃磊", unit, "副局长", null, 0), DomainException.Conflict);

        var detail = await cadres.DetailAsync(id);
        Assert.Equal(("覃磊", "党组成员、副局长", "18212112796"), (detail.Cadre.Name, detail.Cadre.Post, detail.Cadre.Phone));
        db.SignIn("viewer", AppRoles.Viewer);
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(id, "覃磊", unit, null, null, 1), DomainException.Forbidden);
    }

    [Fact]
    public async Task Links_and_list_items_move_the_totals_and_an_open_item_keeps_the_link()
    {
        await using var db = await EnterpriseDb.FullAsync();
        Kit.AsOffice(db);
        var cadres = Kit.Cadres(db);
        var before = await cadres.TotalsAsync();
        var first = SeedJson.Cadres[0];
        int cadreId, linkedEnterprise, linkedProject, freeEnterprise, unit;
        await using (var ctx = db.CreateDbContext())
        {
            cadreId = await ctx.Cadres.Where(c => c.Name == first.Name).Select(c => c.Id).SingleAsync();
            linkedEnterprise = await ctx.Enterprises.Where(e => e.Name == first.Enterprises[0]).Select(e => e.Id).SingleAsync();
            linkedProject = await ctx.Projects.Where(p => p.Name == first.Projects[0]).Select(p => p.Id).SingleAsync();
            freeEnterprise = await ctx.Enterprises.Where(e => !ctx.CadreLinks.Any(l => l.EnterpriseId == e.Id)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            unit = await ctx.Units.Where(u => u.Name == "国网祁阳市供电公司").Select(u => u.Id).SingleAsync();
        }
        var links = await LinkCountAsync(db);

        // Exactly one target, no duplicates, known records, the Office only.
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, linkedProject), "请选择一家企业或一个重点项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, null), "请选择一家企业或一个重点项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, linkedEnterprise, null), "已联系该企业或项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, linkedProject), "已联系该企业或项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(999_999, freeEnterprise, null), "干部不存在");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, 999_999, null), "企业不存在");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, 999_999), "项目不存在");
        db.SignIn("leader", AppRoles.Leader);
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, null), DomainException.Forbidden);
        Kit.AsOffice(db);
        Assert.Equal(links, await LinkCountAsync(db));

        await cadres.LinkAsync(cadreId, freeEnterprise, null);
        var linked = await cadres.TotalsAsync();
        Assert.Equal(before.Cadres, linked.Cadres);
        Assert.Equal(before.Enterprises + 1, linked.Enterprises);
        Assert.Equal(before.Projects, linked.Projects);
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, null), "已联系该企业或项目");
        Assert.Equal(links + 1, await LinkCountAsync(db));
        int linkId;
        await using (var ctx = db.CreateDbContext())
            linkId = await ctx.CadreLinks.Where(l => l.CadreId == cadreId && l.EnterpriseId == freeEnterprise).Select(l => l.Id).SingleAsync();

        // The three lists' checks.
        var deadline = new DateOnly(2023, 6, 30);
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, (CadreList)9, "协调用电增容", unit, deadline), "请选择清单（企业需求、问题摸排或工作任务）");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "  ", unit, deadline), "请填写清单事项内容");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", unit, Kit.Today.AddDays(-1)), "请填写不早于今天的完成期限");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", unit, null), "请填写不早于今天的完成期限");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(999_999, CadreList.Problem, "协调用电增容", unit, deadline), "联系关系不存在");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", null, deadline), "请选择责任单位");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", 999_999, deadline), "请选择责任单位");
        AssertOpen(before, await cadres.TotalsAsync());

        // Two open items: the counts go up, and the link cannot be removed.
        await cadres.AddItemAsync(linkId, CadreList.Problem, " 协调企业用电增容 ", unit, deadline);
        await cadres.AddItemAsync(linkId, CadreList.Need, "解决 20 名技术工人招聘", unit, Kit.Today);
        var open = await cadres.TotalsAsync();
        Assert.Equal(before.OpenItems[CadreList.Problem] + 1, open.OpenItems[CadreList.Problem]);
        Assert.Equal(before.OpenItems[CadreList.Need] + 1, open.OpenItems[CadreList.Need]);
        Assert.Equal(before.OpenItems[CadreList.Task], open.OpenItems[CadreList.Task]);
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), "该联系还有未办结的清单事项，不能解除");
        int problemItem, needItem;
        await using (var ctx = db.CreateDbContext())
        {
            problemItem = await ctx.CadreListItems.Where(i => i.LinkId == linkId && i.List == CadreList.Problem).Select(i => i.Id).SingleAsync();
            needItem = await ctx.CadreListItems.Where(i => i.LinkId == linkId && i.List == CadreList.Need).Select(i => i.Id).SingleAsync();
        }

        // 办理中 is still open; 办结 needs a result and the current version.
        await cadres.UpdateItemAsync(problemItem, ItemState.InProgress, null, 0);
        Assert.Equal(open.OpenItems[CadreList.Problem], (await cadres.TotalsAsync()).OpenItems[CadreList.Problem]);
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Done, " ", 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Done, "已协调", 0), DomainException.Conflict);
        await cadres.UpdateItemAsync(problemItem, ItemState.Done, " 已协调供电公司完成增容 ", 1);
        var done = await cadres.TotalsAsync();
        Assert.Equal(before.OpenItems[CadreList.Problem], done.OpenItems[CadreList.Problem]);
        Assert.Equal(before.OpenItems[CadreList.Need] + 1, done.OpenItems[CadreList.Need]);
        await using (var ctx = db.CreateDbContext())
        {
            var item = await ctx.CadreListItems.AsNoTracking().SingleAsync(i => i.Id == problemItem);
            Assert.Equal(ItemState.Done, item.State);
            Assert.Equal(Kit.Today, item.DoneOn);
            Assert.Equal("已协调供电公司完成增容", item.Result);
            Assert.Equal("协调企业用电增容", item.Content);
        }
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Open, null, 2), "该事项已办结");
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), "该联系还有未办结的清单事项，不能解除");

        // With every item done the link can go, its items with it, and the totals are back where they were.
        await cadres.UpdateItemAsync(needItem, ItemState.Done, "已招聘到位", 0);
        AssertOpen(before, await cadres.TotalsAsync());
        await cadres.UnlinkAsync(linkId);
        var after = await cadres.TotalsAsync();
        Assert.Equal(before.Cadres, after.Cadres);
        Assert.Equal(before.Enterprises, after.Enterprises);
        Assert.Equal(before.Projects, after.Projects);
        AssertOpen(before, after);
        Assert.Equal(links, await LinkCountAsync(db));
        await using (var ctx = db.CreateDbContext())
            Assert.False(await ctx.CadreListItems.AnyAsync(i => i.LinkId == linkId));
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), DomainException.Conflict);
    }

    private static void AssertOpen(CadreTotals expected, CadreTotals actual)
    {
        foreach (var list in Enum.GetValues<CadreList>()) Assert.Equal(expected.OpenItems[list], actual.OpenItems[list]);
    }

    private static async Task<int> LinkCountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.CadreLinks.CountAsync();
    }
}

// ---- Support ------------------------------------------------------------------------------------

/// <summary>One database seeded with the system, projects and enterprise steps, shared by a class whose tests only read.</summary>
public sealed class SeededEnterpriseDb : IAsyncLifetime
{
    public TestDb Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await EnterpriseDb.FullAsync();

    public async Task DisposeAsync()
    {
        if (Db is not null) await Db.DisposeAsync();
    }
}

internal static class EnterpriseDb
{
    /// <summary>System seeds, the 2021–2023 projects, park zones, service contacts, the demo enterprises and the cadres.</summary>
    public static async Task<TestDb> FullAsync()
    {
        var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        await Seeds.Runner(db, config, new ISeedStep[]
        {
            new ChecklistTemplateSeed(), new ProjectSeed(config), new KeyProjectSeed(config), new ParkZoneSeed(), new ServiceContactSeed(config),
            Enterprises(db, config), new CadreSeed(config),
        }).RunAsync();
        return db;
    }

    /// <summary>System seeds, park zones and the demo enterprises (stewards, visits, help matters) — no projects, no cadres.</summary>
    public static async Task<TestDb> LightAsync()
    {
        var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        await Seeds.Runner(db, config, new ISeedStep[] { new ParkZoneSeed(), Enterprises(db, config) }).RunAsync();
        return db;
    }

    private static EnterpriseSeed Enterprises(TestDb db, IConfiguration config) =>
        new(config, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(), db.Clock);
}

internal static class Kit
{
    public static readonly DateOnly Today = new(2023, 5, 18);

    public static void AsOffice(TestDb db) => db.SignIn("office", AppRoles.Office);

    public static SettingsService Settings(TestDb db) => new(db, db.Actor);
    public static EnterpriseService Enterprises(TestDb db) => new(db, db.Actor, Settings(db), db.Clock);
    public static StewardService Stewards(TestDb db) => new(db, db.Actor, Settings(db), db.Clock);
    public static HelpMatterService Matters(TestDb db) => new(db, db.Actor, db.Clock);
    public static CadreService Cadres(TestDb db) => new(db, db.Actor, db.Clock);
    public static ProblemService Problems(TestDb db) => new(db, db.Actor, new CalendarService(db, new CalendarCache(), db.Actor), Settings(db), db.Clock);
    public static VisitService Visits(TestDb db) => new(db, db.Actor, Enterprises(db), Problems(db), Settings(db), new QiyangConsole.Infrastructure.Files.FileStore(new DataPaths(db.Directory)), db.Clock);

    /// <summary>A valid credit code not used by the seeds: 91431181QYT + six digits + the check character.</summary>
    public static string Code(int n)
    {
        var first17 = $"91431181QYT{n:000000}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static async Task RefusedAsync(Func<Task> action, string message)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(message, ex.Message);
    }

    public static async Task<string> UserIdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> EnterpriseIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync();
    }
}

/// <summary>The enterprise seed files, read the way the seeds read them, to compute the expected figures.</summary>
internal static class SeedJson
{
    internal sealed record Previous(string Steward, DateOnly From, DateOnly To, string Reason);
    internal sealed record Room(string Place, string Schedule, string OnDuty);
    internal sealed record SeedEnterprise(string Name, string CreditCode, string Industry, bool AboveSize, string? Zone, string Steward, DateOnly StewardSince, Previous? Previous, Room? Room);
    internal sealed record SeedVisit(string Enterprise, string Steward, int DaysAgo, string Duties, string? Problems);
    internal sealed record SeedMatter(string Enterprise, string Name, HelpMode Mode, string Agent, List<string> Windows, DateOnly AcceptedOn, DateOnly? FinishedOn, HelpState State);
    internal sealed record SeedItem(string List, string? Enterprise, string? Project, ItemState State);
    internal sealed record SeedCadre(string Name, string Unit, List<string> Enterprises, List<string> Projects, List<SeedItem> Items);
    internal sealed record SeedContact(string Department, string Name, string Phone);
    private sealed record EnterpriseFile(List<SeedEnterprise> Enterprises);
    private sealed record VisitFile(List<SeedVisit> Visits);
    private sealed record MatterFile(List<SeedMatter> Matters);
    private sealed record CadreFile(List<SeedCadre> Cadres);

    private static SeedFiles Files => new(Seeds.Directory);
    private static readonly Lazy<List<SeedEnterprise>> LazyEnterprises = new(() => Files.Read<EnterpriseFile>("enterprises/enterprises.json").Enterprises);
    private static readonly Lazy<List<SeedVisit>> LazyVisits = new(() => Files.Read<VisitFile>("enterprises/visits.json").Visits);
    private static readonly Lazy<List<SeedMatter>> LazyMatters = new(() => Files.Read<MatterFile>("enterprises/help-matters.json").Matters);
    private static readonly Lazy<List<SeedCadre>> LazyCadres = new(() => Files.Read<CadreFile>("enterprises/cadres.json").Cadres);
    private static readonly Lazy<List<SeedContact>> LazyContacts = new(() => Files.Read<List<SeedContact>>("enterprises/service-contacts.json"));

    public static List<SeedEnterprise> Enterprises => LazyEnterprises.Value;
    public static List<SeedVisit> Visits => LazyVisits.Value;
    public static List<SeedMatter> Matters => LazyMatters.Value;
    public static List<SeedCadre> Cadres => LazyCadres.Value;
    public static List<SeedContact> ServiceContacts => LazyContacts.Value;
}
