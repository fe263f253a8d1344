using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>The title over two or more lines after GB/T 9704-2012 §7.3.3: words whole, lines alike, 正梯形 or 菱形.</summary>
public sealed class GongwenTitleTests
{
    [Fact]
    public void A_line_of_the_text_area_holds_20_characters_of_2hao() => Assert.Equal(20, GongwenTitle.CharsPerLine);

    [Theory]
    [InlineData("关于2023年5月考核排名情况的通报")]                 // 15.5 characters
    [InlineData("关于表扬2023年一季度先进单位的通报")]               // 17
    public void A_title_that_fits_stays_on_one_line(string title) => Assert.Equal([title], GongwenTitle.Lines(title));

    [Fact]
    public void The_monthly_circular_breaks_after_环境_not_inside_优化发展环境()
    {
        // 25.5 characters. After 发展 the lines would be 12.5 / 13 (the closest, but inside the phrase 优化发展环境 and the
        // lower line the longer); after 工作 16.5 / 9. After 环境: 14.5 / 11, the upper line the longer.
        Assert.Equal(["关于2023年5月全市优化发展环境", "工作考核排名情况的通报"], GongwenTitle.Lines(CircularService.DefaultTitle(2023, 5)));
        Assert.Equal(["关于2023年12月全市优化发展环境", "工作考核排名情况的通报"], GongwenTitle.Lines(CircularService.DefaultTitle(2023, 12)));
    }

    [Fact]
    public void The_upper_line_is_not_the_shorter_when_a_break_close_to_the_middle_would_make_it_so()
    {
        // 23 characters: after 全市 10 / 13 is closer to equal than after 重点项目 14 / 9, but an inverted trapezoid.
        Assert.Equal(["关于做好2023年度全市重点项目", "督查考核工作的通知"], GongwenTitle.Lines("关于做好2023年度全市重点项目督查考核工作的通知"));
    }

    [Fact]
    public void Numbers_keep_their_unit_and_brackets_their_contents()
    {
        // the break falls at 季度|全市? No: 2023年第一季度 is two tokens that no break may cut, and the bracketed name is one.
        var lines = GongwenTitle.Lines("关于2023年第一季度《营商环境攻坚方案》落实情况的通报");
        Assert.Equal(2, lines.Count);
        Assert.Equal("关于2023年第一季度《营商环境攻坚方案》落实情况的通报", string.Concat(lines));
        Assert.All(lines, l => Assert.True(GongwenLayout.WidthInChars(l) <= 20, l));
        Assert.Contains(lines, l => l.Contains("《营商环境攻坚方案》"));
        Assert.Contains(lines, l => l.Contains("2023年第一季度"));
    }

    [Fact]
    public void No_line_begins_with_a_closing_mark()
    {
        // the 、 after 督查 must stay with it, whatever break is best
        foreach (var title in new[] { "关于重点项目督查、问题整改、满意度回访和企业服务工作情况的通报", "关于开展“优化营商环境，我们在行动”专项督查工作的通知" })
        {
            var lines = GongwenTitle.Lines(title);
            Assert.Equal(title, string.Concat(lines));
            Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], "，、。：；！？）》〕”"));
            Assert.All(lines, l => Assert.True(GongwenLayout.WidthInChars(l) <= 20, l));
            Assert.True(GongwenLayout.WidthInChars(lines[0]) >= GongwenLayout.WidthInChars(lines[^1]), string.Join(" / ", lines));
        }
    }

    [Fact]
    public void A_title_of_more_than_two_lines_takes_three_with_the_last_not_longer_than_the_one_above()
    {
        const string title = "关于2023年第一季度全市优化发展环境工作考核排名情况及重点项目推进、问题整改和满意度回访等工作情况的通报";
        Assert.InRange(GongwenLayout.WidthInChars(title), 40.5, 60);
        var lines = GongwenTitle.Lines(title);
        Assert.Equal(3, lines.Count);
        Assert.Equal(title, string.Concat(lines));
        var widths = lines.Select(GongwenLayout.WidthInChars).ToList();
        Assert.All(widths, w => Assert.InRange(w, 12, 20));
        Assert.True(widths[2] <= widths[1], string.Join(" / ", lines));
    }
}
