using ClosedXML.Excel;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Tests.Unit;

public class ListWriterTests
{
    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) { await Task.Yield(); yield return row; }
    }

    private static async Task<(XLWorkbook Book, int Count)> WriteAsync(params object?[][] rows)
    {
        var (file, count) = await ListWriter.WriteAsync(new ListHeading("问题清单", "状态：办理中", new DateTimeOffset(2023, 5, 18, 1, 0, 0, TimeSpan.Zero)),
            [new("序号", 6), new("反映企业", 26), new("投资额", 12), new("说明", 20)], Rows(rows));
        await using (file)
        {
            var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            copy.Position = 0;
            return (new XLWorkbook(copy), count);
        }
    }

    [Fact]
    public async Task The_temp_file_goes_when_the_download_is_closed_and_a_refusal_comes_through()
    {
        var (file, _) = await ListWriter.WriteAsync(new ListHeading("清单", null, DateTimeOffset.UnixEpoch), [new("序号", 6)], Rows([[1]]));
        var path = file.Name;
        Assert.True(File.Exists(path));
        await file.DisposeAsync();
        Assert.False(File.Exists(path));

        static async IAsyncEnumerable<object?[]> Refused()
        {
            await Task.Yield();
            throw new QiyangConsole.Infrastructure.DomainException("无权访问");
#pragma warning disable CS0162
            yield break;
#pragma warning restore CS0162
        }
        await Assert.ThrowsAsync<QiyangConsole.Infrastructure.DomainException>(() => ListWriter.WriteAsync(new ListHeading("清单", null, DateTimeOffset.UnixEpoch), [new("序号", 6)], Refused()));
    }

    [Fact]
    public void The_filter_summary_names_what_was_chosen()
    {
        Assert.Null(ListHeading.Describe(("行业", null), ("规上", false), ("关键字", "")));
        Assert.Equal("行业：制造业；走访逾期", ListHeading.Describe(("行业", "制造业"), ("走访逾期", true), ("规上", null)));
        Assert.Equal("筛选条件：全部　导出时间：2023-05-18 09:00:00", new ListHeading("清单", null, new DateTimeOffset(2023, 5, 18, 1, 0, 0, TimeSpan.Zero)).Summary);
    }

    [Fact]
    public async Task Title_filter_header_and_rows_with_widths_formats_and_print_setup()
    {
        var (book, count) = await WriteAsync([1, "湖南坤能新材料有限公司", 15000.5m, null], [2, "祁阳住信电气", 0m, "正常"]);
        using var _ = book;
        var ws = book.Worksheet("问题清单");
        Assert.Equal(2, count);
        Assert.Equal("问题清单", ws.Cell("A1").GetString());
        Assert.Equal("筛选条件：状态：办理中　导出时间：2023-05-18 09:00:00", ws.Cell("A2").GetString());
        Assert.Equal(["序号", "反映企业", "投资额", "说明"], Enumerable.Range(1, 4).Select(c => ws.Cell(3, c).GetString()));
        Assert.True(ws.Cell("A3").Style.Font.Bold);
        Assert.Equal(1, ws.Cell("A4").GetValue<int>());
        Assert.Equal("湖南坤能新材料有限公司", ws.Cell("B4").GetString());
        Assert.Equal(15000.5m, ws.Cell("C4").GetValue<decimal>());
        Assert.Equal("#,##0.00", ws.Cell("C4").Style.NumberFormat.Format);
        Assert.True(ws.Cell("D4").IsEmpty());
        Assert.Equal(5, ws.LastRowUsed()!.RowNumber());
        Assert.InRange(ws.Column(2).Width, 25, 26.5); // ClosedXML reads the stored width less its cell padding
        Assert.Equal(3, ws.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
        Assert.Equal(1, ws.PageSetup.PagesWide);
        Assert.Equal(3, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(3, ws.PageSetup.LastRowToRepeatAtTop);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+86 138")]
    [InlineData("-5")]
    [InlineData("@sum")]
    public async Task Text_that_looks_like_a_formula_stays_text(string text)
    {
        var (book, _) = await WriteAsync([1, text, null, null]);
        using var _b = book;
        var cell = book.Worksheet(1).Cell("B4");
        Assert.False(cell.HasFormula);
        Assert.Equal(text, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_dropped_and_supplementary_characters_kept()
    {
        var (book, _) = await WriteAsync([1, "a\u0001b\uD800c 𠀀 ", null, " 前后空格 "]);
        using var _b = book;
        Assert.Equal("abc 𠀀 ", book.Worksheet(1).Cell("B4").GetString());
        Assert.Equal(" 前后空格 ", book.Worksheet(1).Cell("D4").GetString());
    }

    [Fact]
    public async Task An_empty_list_still_has_its_heading()
    {
        var (book, count) = await WriteAsync();
        using var _b = book;
        Assert.Equal(0, count);
        Assert.Equal("序号", book.Worksheet(1).Cell("A3").GetString());
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void Column_names(int number, string name) => Assert.Equal(name, ListWriter.ColumnName(number));
}
