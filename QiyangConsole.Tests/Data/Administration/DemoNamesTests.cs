using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary>Demo people are invented: none shares a name with an official named in the source circular of 2023-05-18.</summary>
public class DemoNamesTests
{
    /// <summary>
    /// The officials the source names: the governor 毛伟明, and the leaders of its distribution line, who are named by
    /// their given names only (洪武、爱林、侯文、恩广、旦梅、卫华、丽华、肖扬、质彬、恢才、爱社同志).
    /// </summary>
    private static readonly string[] Officials = ["毛伟明", "伟明", "洪武", "爱林", "侯文", "恩广", "旦梅", "卫华", "丽华", "肖扬", "质彬", "恢才", "爱社"];

    [DbFact]
    public void No_seed_file_names_an_official_of_the_source()
    {
        var files = Directory.GetFiles(Seeds.Directory, "*.json", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("demo-users.json", StringComparison.Ordinal));
        var clashes = files.SelectMany(f => Officials.Where(name => File.ReadAllText(f).Contains(name)).Select(name => $"{Path.GetFileName(f)}: {name}")).ToList();
        Assert.Empty(clashes);
        // The check would see one: the old name of the third city leader.
        Assert.Contains(Officials, o => DemoNamesSeed.Renamed["leader3"].Old.Contains(o));
        Assert.DoesNotContain(Officials, o => DemoNamesSeed.Renamed["leader3"].New.Contains(o));
    }

    [DbFact]
    public async Task A_demo_database_made_before_the_rename_gets_the_new_name_once()
    {
        await using var db = await Seeds.SeededAsync();
        Assert.Equal("市级领导 何志远", await DisplayNameAsync(db, "leader3"));
        await using (var ctx = db.CreateDbContext())
        {
            await ctx.Users.Where(u => u.UserName == "leader3").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "市级领导 何爱林"));
            await ctx.Users.Where(u => u.UserName == "leader2").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "市级领导 周副市长"));
        }

        await Seeds.Runner(db, Seeds.Config(), [new DemoNamesSeed(Seeds.Config())]).RunAsync();

        Assert.Equal("市级领导 何志远", await DisplayNameAsync(db, "leader3"));
        Assert.Equal("市级领导 周副市长", await DisplayNameAsync(db, "leader2"));   // an administrator's rename stays

        // Renamed back by an administrator: the step has run and does not run again.
        await using (var ctx = db.CreateDbContext())
            await ctx.Users.Where(u => u.UserName == "leader3").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "市级领导 何爱林"));
        await Seeds.Runner(db, Seeds.Config(), [new DemoNamesSeed(Seeds.Config())]).RunAsync();
        Assert.Equal("市级领导 何爱林", await DisplayNameAsync(db, "leader3"));
    }

    private static async Task<string> DisplayNameAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync();
    }
}
