using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QiyangConsole.Benchmark;

/// <summary>
/// The plainest way to write cells: OpenXmlWriter straight into a one-sheet package, numbers as
/// numbers and everything else as inline text, no styles. The reference the workbook writers are measured against.
/// </summary>
public sealed class RawSheet : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;

    public RawSheet(Stream target)
    {
        _document = SpreadsheetDocument.Create(target, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        _writer = OpenXmlWriter.Create(sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    public void Row(IReadOnlyList<object?> values)
    {
        _writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null or DBNull:
                    _writer.WriteElement(new Cell());
                    break;
                case int or long or double or decimal or float:
                    _writer.WriteElement(new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!), DataType = CellValues.Number });
                    break;
                default:
                    _writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!)) });
                    break;
            }
        }
        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        _document.Dispose();
    }
}
