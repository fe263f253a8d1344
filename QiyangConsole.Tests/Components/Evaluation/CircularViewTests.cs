using Bunit;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Features.Evaluation.Pages;

namespace QiyangConsole.Tests.Components.Evaluation;

/// <summary>The print view of the circular lays out the title, the name and the date as the Word document does.</summary>
public class CircularViewTests : ComponentTestBase
{
    [Fact]
    public void The_title_is_on_the_lines_GongwenTitle_chooses_and_the_long_name_stands_two_characters_from_the_right()
    {
        var cut = Render<CircularView>(p => p.Add(c => c.Doc, May()));

        Assert.Equal(["关于2023年5月全市优化发展环境", "工作考核排名情况的通报"], cut.FindAll("h2.circular-title .circular-title-line").Select(l => l.TextContent));
        // 18 characters over a date of 6: the name 2 characters (em) from the right, the date centred under it, 8 from the right.
        Assert.Equal("祁阳市打好优化发展环境持久仗工作专班", cut.Find(".circular-sign").TextContent);
        Assert.Equal("margin-right: 2em", cut.Find(".circular-sign").GetAttribute("style"));
        Assert.Equal("2023年6月7日", cut.Find(".circular-date").TextContent);
        Assert.Equal("margin-right: 8em", cut.Find(".circular-date").GetAttribute("style"));
    }

    [Fact]
    public void A_short_title_and_name_keep_one_line_and_the_date_four_characters_from_the_right()
    {
        var doc = May();
        doc.Circular.Title = "关于2023年5月考核排名情况的通报";
        doc.Circular.Issuer = "祁阳专班";

        var cut = Render<CircularView>(p => p.Add(c => c.Doc, doc));

        Assert.Equal(["关于2023年5月考核排名情况的通报"], cut.FindAll("h2.circular-title .circular-title-line").Select(l => l.TextContent));
        Assert.Equal("margin-right: 5em", cut.Find(".circular-sign").GetAttribute("style"));   // 4 over 6: centred
        Assert.Equal("margin-right: 4em", cut.Find(".circular-date").GetAttribute("style"));
    }

    private static CircularDocument May()
    {
        var period = new EvaluationPeriod { Id = 5, Year = 2023, Month = 5 };
        var circular = new Circular
        {
            PeriodId = 5, Year = 2023, Number = 5, Title = CircularService.DefaultTitle(2023, 5), Summary = "现将排名情况通报如下。",
            IssueDate = new DateOnly(2023, 6, 7), DistributeTo = "市直相关单位", ReportTo = "省发改委（省优化办）",
        };
        List<RankingRow> rows = [new(1, "市发展和改革局", 1, "市直单位", 90, 1, 0, 91, 1, 2, false)];
        return new CircularDocument(period, circular, rows, [], [], "祁优专");
    }
}
