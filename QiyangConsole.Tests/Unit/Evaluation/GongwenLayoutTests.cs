using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>The GB/T 9704-2012 page in Word's and Excel's units, and the parts of a circular, without a database.</summary>
public sealed class GongwenLayoutTests
{
    [Fact]
    public void A4_with_margins_37_35_28_26_mm_in_twips()
    {
        Assert.Equal(11906, GongwenLayout.PageWidth);
        Assert.Equal(16838, GongwenLayout.PageHeight);
        Assert.Equal(2098, GongwenLayout.MarginTop);
        Assert.Equal(1984, GongwenLayout.MarginBottom);
        Assert.Equal(1587, GongwenLayout.MarginLeft);
        Assert.Equal(1474, GongwenLayout.MarginRight);
        // 156 × 225 mm text area, to a twip
        Assert.Equal(8845, GongwenLayout.TextWidth);
        Assert.Equal(12756, GongwenLayout.TextHeight);
        Assert.InRange(GongwenLayout.TextWidth * 25.4 / 1440, 155.9, 156.1);
        Assert.InRange(GongwenLayout.TextHeight * 25.4 / 1440, 224.9, 225.1);
    }

    [Fact]
    public void The_grid_holds_22_lines_of_28_characters()
    {
        Assert.Equal(579, GongwenLayout.LinePitch);
        Assert.True(GongwenLayout.LinePitch * 22 <= GongwenLayout.TextHeight);
        Assert.True((GongwenLayout.LinePitch + 1) * 22 > GongwenLayout.TextHeight);

        // 16 pt characters without the grid: only 27 fit; condensed by 5 twips, 28.
        Assert.Equal(27, GongwenLayout.TextWidth / 320);
        Assert.Equal(-5, GongwenLayout.BodyCharSpacing);
        Assert.Equal(28, GongwenLayout.TextWidth / (320 + GongwenLayout.BodyCharSpacing));
    }

    [Fact]
    public void Sizes_in_half_points_and_fonts_as_the_standard_names_them()
    {
        Assert.Equal(44, GongwenLayout.TitleSize);        // 2号
        Assert.Equal(32, GongwenLayout.BodySize);         // 3号
        Assert.Equal(28, GongwenLayout.PageNumberSize);   // 4号
        Assert.Equal(28, GongwenLayout.ClosingSize);      // 4号
        Assert.Equal("方正小标宋简体", GongwenLayout.TitleFont);
        Assert.Equal("仿宋_GB2312", GongwenLayout.BodyFont);
        Assert.Equal("黑体", GongwenLayout.HeadingFont);
        Assert.Equal("楷体_GB2312", GongwenLayout.SubheadingFont);
        Assert.Equal("宋体", GongwenLayout.PageNumberFont);
        Assert.Equal("— 7 —", GongwenLayout.PageNumberText(7));
        Assert.Equal(1984, GongwenLayout.HeaderSpace);    // 35 mm
        Assert.Equal(8, GongwenLayout.ThickRule);         // 1 pt ≈ 0.35 mm
        Assert.Equal(6, GongwenLayout.ThinRule);          // 0.75 pt ≈ 0.26 mm
    }

    [Theory]
    [InlineData("祁阳市打好优化发展环境持久仗工作专班", 46)]   // 18 characters: 23 pt keeps the mark on one line
    [InlineData("祁阳市优化发展环境工作专班办", 58)]          // 14: 29 pt
    [InlineData("祁阳市人民政府", 72)]                      // 7: capped at 36 pt
    [InlineData("专班", 72)]                                // capped at 36 pt
    public void The_issuer_mark_is_as_large_as_fits_the_text_width(string issuer, int halfPoints)
    {
        Assert.Equal(halfPoints, GongwenLayout.MarkSize(issuer));
        Assert.True(GongwenLayout.MarkSize(issuer) * 10 * issuer.Length <= GongwenLayout.TextWidth);
    }

    [Theory]
    [InlineData("2023年6月7日", 6)]       // digits are half width
    [InlineData("2023年12月25日", 7)]
    [InlineData("祁优专〔2023〕5号", 8.5)]
    public void Width_counts_digits_as_half_a_character(string text, double chars) =>
        Assert.Equal(chars, GongwenLayout.WidthInChars(text));

    [Theory]
    // the date 4 characters from the right; a name of 4 over a date of 6 is centred 5 characters from the right
    [InlineData("祁阳专班", "2023年6月7日", 5, 4)]
    [InlineData("祁阳市发展和改革局", "2023年6月7日", 2.5, 4)]
    [InlineData("祁阳市优化办", "2023年6月7日", 4, 4)]
    // 10 characters over 6 stand 2 from the right: the limit, still over a date 4 from the right
    [InlineData("祁阳优化发展环境专班", "2023年6月7日", 2, 4)]
    // 12 over 6 would stand 1 from the right: the name at 2, the date under its middle at 2 + 3
    [InlineData("祁阳市优化发展环境办公室", "2023年6月7日", 2, 5)]
    // 18 characters over 6 would stand 2 characters beyond the margin: the name 2 from the right, the date under its middle
    [InlineData("祁阳市打好优化发展环境持久仗工作专班", "2023年6月7日", 2, 8)]
    [InlineData("祁阳市打好优化发展环境持久仗工作专班", "2023年12月25日", 2, 7.5)]
    public void The_name_is_centred_over_the_date_and_a_long_name_stands_two_characters_from_the_right(string issuer, string date, double nameRight, double dateRight)
    {
        var place = GongwenLayout.Signature(issuer, date);
        Assert.Equal((nameRight, dateRight), (place.NameRightChars, place.DateRightChars));
        // Whichever rule placed them, the name's middle is over the date's middle …
        Assert.Equal(place.DateRightChars + GongwenLayout.WidthInChars(date) / 2, place.NameRightChars + GongwenLayout.WidthInChars(issuer) / 2);
        // … the date never closer than 4 characters to the right, the name never closer than 2.
        Assert.True(place.DateRightChars >= GongwenLayout.DateRightChars);
        Assert.True(place.NameRightChars >= GongwenLayout.NameRightMinChars);
    }

    [Fact]
    public void The_ranking_table_is_as_wide_as_the_text_area()
    {
        var columns = GongwenLayout.TableColumns();
        Assert.Equal(GongwenLayout.TableHeaders.Length, columns.Length);
        Assert.Equal(GongwenLayout.TextWidth, columns.Sum());
        // the unit column holds 11 characters of 小四 (240 twips) inside 1 mm cell margins
        Assert.True(columns[1] - 114 >= 11 * 240);
    }

    [Fact]
    public void Footer_puts_the_page_number_7_mm_under_the_text_area()
    {
        var top = GongwenLayout.FooterDistance + GongwenLayout.PageNumberLine;   // from the bottom edge of the page
        Assert.InRange(top * 25.4 / 1440, 27.9, 28.1);   // 35 − 7 mm
    }

    [Fact]
    public void Excel_columns_of_the_circular_print_within_156_mm()
    {
        var printed = CircularWorkbook.ColumnsMm.Sum(mm => ExcelColumns.Mm(ExcelColumns.Width(mm)));
        Assert.True(printed <= GongwenLayout.TextWidthMm, $"{printed:0.0} mm");
        Assert.True(printed >= 145, $"{printed:0.0} mm");
        // LibreOffice measures Arial's digits unrounded: 2 % wider, still within the text area
        Assert.True(printed * 8.16 / 8 <= GongwenLayout.TextWidthMm, $"{printed * 8.16 / 8:0.0} mm");
        foreach (var mm in CircularWorkbook.ColumnsMm) Assert.InRange(ExcelColumns.Mm(ExcelColumns.Width(mm)), mm - 0.6, mm + 0.3);
        // Arial 11's digits are 8 px: a stored width of 10 is 80 px, 12.5 is 100 px
        Assert.Equal(80, ExcelColumns.Pixels(10));
        Assert.Equal(100, ExcelColumns.Pixels(12.5));
    }

    [Fact]
    public void The_parts_of_a_circular_in_order()
    {
        var doc = Document(number: 5, copyTo: "市纪委监委", amendments: [new Amendment { UnitName = "市税务局", IndicatorName = "重点项目推进", OldPoints = 20, NewPoints = 22.5m, Reason = "补交材料", By = "王敏" }]);

        var parts = CircularParts.From(doc);

        Assert.Equal("祁阳市打好优化发展环境持久仗工作专班", parts.Mark);
        Assert.Equal("祁优专〔2023〕5号", parts.Number);
        Assert.Equal("关于2023年5月全市优化发展环境工作考核排名情况的通报", parts.Title);
        Assert.Equal("市直相关单位、各乡镇（街道）：", parts.MainTo);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "现将排名情况通报如下。"),
                (BlockKind.Heading, "一、考核排名情况"),
                (BlockKind.Subheading, "（一）市直单位排名情况"), (BlockKind.Table, "市直单位"),
                (BlockKind.Subheading, "（二）乡镇街道排名情况"), (BlockKind.Table, "乡镇街道"),
                (BlockKind.Heading, "二、通报批评"),
                (BlockKind.Paragraph, "对以下排名后进单位予以通报批评：市税务局。请被通报单位认真查摆问题，限期整改到位。"),
                (BlockKind.Heading, "三、更正"),
                (BlockKind.Paragraph, "市税务局“重点项目推进”由20分更正为22.5分。原因：补交材料。"),
            ],
            parts.Body.Select(b => (b.Kind, b.Text)));
        Assert.Equal(["市发展和改革局", "市税务局"], parts.Body[3].Rows!.Select(r => r.UnitName));
        Assert.Equal("祁阳市打好优化发展环境持久仗工作专班", parts.Signature);
        Assert.Equal("2023年6月7日", parts.Date);
        Assert.Equal(["抄送：市纪委监委", "报：省发改委（省优化办）"], parts.CopyLines);
        Assert.Equal("祁阳市打好优化发展环境持久仗工作专班办公室　　2023年6月7日印发", parts.PrintLine);
    }

    [Fact]
    public void Without_criticised_units_copy_lines_or_distribution_the_parts_say_so()
    {
        var doc = Document(number: null, copyTo: null, amendments: [], distributeTo: "  ", reportTo: null, criticised: []);

        var parts = CircularParts.From(doc);

        Assert.Equal("", parts.Number);
        Assert.Null(parts.MainTo);
        Assert.Empty(parts.CopyLines);
        Assert.Contains(parts.Body, b => b.Text == "本月无通报批评单位。");
        Assert.DoesNotContain(parts.Body, b => b.Text.EndsWith("更正"));
    }

    private static CircularDocument Document(int? number, string? copyTo, List<Amendment> amendments, string? distributeTo = "市直相关单位、各乡镇（街道）",
        string? reportTo = "省发改委（省优化办）", List<string>? criticised = null)
    {
        var period = new EvaluationPeriod { Id = 5, Year = 2023, Month = 5 };
        var circular = new Circular
        {
            PeriodId = 5, Year = 2023, Number = number, Title = "关于2023年5月全市优化发展环境工作考核排名情况的通报", Summary = "现将排名情况通报如下。",
            IssueDate = new DateOnly(2023, 6, 7), ReportTo = reportTo, DistributeTo = distributeTo, CopyTo = copyTo,
        };
        List<RankingRow> rows =
        [
            new(1, "市发展和改革局", 1, "市直单位", 90, 1, 0, 91, 1, 2, false),
            new(2, "市税务局", 1, "市直单位", 80, 0, 1, 79, 2, 1, true),
            new(3, "浯溪街道", 2, "乡镇街道", 85, 0, 0, 85, 1, null, false),
        ];
        return new CircularDocument(period, circular, rows, criticised ?? ["市税务局"], amendments, "祁优专");
    }
}
