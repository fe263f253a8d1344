using ClosedXML.Excel;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>The list exports as the office downloads them: title, filter summary, header, then one row per record.</summary>
[Collection(HostCollection.Name)]
public class ExportHostTests(HostFixture fixture)
{
    [Theory]
    [InlineData("/enterprises/cards.xlsx?aboveSize=true", "企业服务爱心联络卡", "筛选条件：规上：是", "企业名称", 70)]
    [InlineData("/enterprises/export.xlsx?aboveSize=true", "园区企业", "筛选条件：规上：是", "序号", 70)]
    public async Task The_office_downloads_a_list_with_its_heading_and_its_rows(string url, string title, string filter, string firstHeader, int rows)
    {
        using var client = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, "office");
        var response = await client.GetAsync(url);
        Assert.Equal(ExcelText.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var wb = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet(1);
        Assert.Equal(title, ws.Cell("A1").GetString());
        Assert.StartsWith(filter, ws.Cell("A2").GetString());
        Assert.Equal(firstHeader, ws.Cell(ListWriter.FirstDataRow - 1, 1).GetString());
        Assert.Equal(ListWriter.FirstDataRow - 1 + rows, ws.LastRowUsed()!.RowNumber());
    }
}
