using ClosedXML.Excel;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Tests.Unit;

public class ExcelListTests
{
    [Fact]
    public void A_list_export_keeps_text_as_text_numbers_as_numbers_and_repeats_its_header_on_print()
    {
        var bytes = ExcelList.Build("问题清单", [("序号", 6), ("反映企业", 26), ("投资额", 12), ("说明", 20)],
        [
            [1, "=HYPERLINK(\"http://x\")", 12000.5m, null],
            [2, "湖南坤能新材料有限公司", 15000m, "+86 0746"],
        ]);
        using var wb = new XLWorkbook(new MemoryStream(bytes));
        var ws = wb.Worksheet("问题清单");
        Assert.Equal("反映企业", ws.Cell(1, 2).GetString());
        Assert.False(ws.Cell(2, 2).HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", ws.Cell(2, 2).GetString());
        Assert.Equal("+86 0746", ws.Cell(3, 4).GetString());
        Assert.False(ws.Cell(3, 4).HasFormula);
        Assert.Equal(XLDataType.Number, ws.Cell(2, 3).DataType);
        Assert.Equal(12000.5, ws.Cell(2, 3).GetDouble());
        Assert.True(ws.Cell(2, 4).IsEmpty());
        Assert.Equal(1, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal(26, ws.Column(2).Width, 1);
    }
}
