using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QiyangConsole.Infrastructure.Excel;

/// <summary>A column of a list export: its header and its width in Excel units (a CJK character is about two).</summary>
public sealed record ListColumn(string Header, double Width);

/// <summary>What a list export says above its rows: a Chinese title and the filter it was taken with.</summary>
public sealed record ListHeading(string Title, string? Filter, DateTimeOffset At)
{
    /// <summary>The filter as the user chose it, e.g. 行业：制造业；规上：是 (empty parts left out).</summary>
    public static string? Describe(params (string Label, object? Value)[] parts)
    {
        var chosen = parts.Where(p => p.Value is not (null or false or "")).Select(p => p.Value is true ? p.Label : $"{p.Label}：{p.Value}").ToList();
        return chosen.Count == 0 ? null : string.Join("；", chosen);
    }

    public string Summary => $"{(string.IsNullOrWhiteSpace(Filter) ? "筛选条件：全部" : "筛选条件：" + Filter)}　导出时间：{AppTime.Stamp(At.UtcDateTime)}";
}

/// <summary>
/// Writes a long list as a workbook row by row (OpenXML SAX), so a 500,000-row export never holds the sheet in memory:
/// a title row, the filter summary, a bold frozen header repeated on every printed page, the columns' widths, money as
/// #,##0.00, landscape A4 fitted to the page width. User text is written as text: a value starting with =, +, - or @
/// carries Excel's quote prefix and never becomes a formula.
/// </summary>
public static class ListWriter
{
    private const uint Plain = 0, Header = 1, Title = 2, Money = 3, Quoted = 4, Summary = 5;
    public const int FirstDataRow = 4;

    /// <summary>
    /// Writes the workbook to a temp file, deleted when the returned stream is closed, and returns it at position 0 with the
    /// number of data rows. A refusal thrown while reading the rows surfaces here, before anything is sent.
    /// </summary>
    public static async Task<(FileStream File, int Count)> WriteAsync(ListHeading heading, IReadOnlyList<ListColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        // The package needs a seekable stream: a temp file, never memory.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var count = await WriteAsync(temp, heading, columns, rows, ct);
            temp.Position = 0;
            return (temp, count);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    /// <summary>The workbook as a download: written to a temp file first, so a refusal still gets its status, then streamed from disk.</summary>
    public static async Task<IResult> FileAsync(string fileName, ListHeading heading, IReadOnlyList<ListColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        var (file, _) = await WriteAsync(heading, columns, rows, ct);
        return Results.File(file, ExcelText.ContentType, fileName);
    }

    /// <summary>Maps each row as it is read, numbering them from 1 (序号).</summary>
    public static async IAsyncEnumerable<object?[]> Numbered<T>(this IAsyncEnumerable<T> source, Func<T, int, object?[]> map)
    {
        var n = 0;
        await foreach (var row in source) yield return map(row, ++n);
    }

    private static async Task<int> WriteAsync(Stream temp, ListHeading heading, IReadOnlyList<ListColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var count = 0;
        using (var doc = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = book.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheet))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetProperties());
                w.WriteElement(new PageSetupProperties { FitToPage = true });
                w.WriteEndElement();
                w.WriteStartElement(new SheetViews());
                w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                w.WriteElement(new Pane { VerticalSplit = FirstDataRow - 1, TopLeftCell = $"A{FirstDataRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement(new Columns());
                for (var c = 0; c < columns.Count; c++)
                    w.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = columns[c].Width, CustomWidth = true });
                w.WriteEndElement();

                w.WriteStartElement(new SheetData());
                WriteRow(w, 1, [heading.Title], Title);
                WriteRow(w, 2, [heading.Summary], Summary);
                WriteRow(w, 3, columns.Select(c => (object?)c.Header).ToArray(), Header);
                var r = FirstDataRow;
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(w, r++, row, Plain);
                    count++;
                }
                w.WriteEndElement();

                var last = ColumnName(columns.Count);
                w.WriteStartElement(new MergeCells { Count = 2 });
                w.WriteElement(new MergeCell { Reference = $"A1:{last}1" });
                w.WriteElement(new MergeCell { Reference = $"A2:{last}2" });
                w.WriteEndElement();
                w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
                w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
                w.WriteEndElement();
            }
            book.Workbook = new Workbook(
                new Sheets(new Sheet { Name = SheetName(heading.Title), SheetId = 1, Id = book.GetIdOfPart(sheet) }),
                new DefinedNames(new DefinedName($"'{SheetName(heading.Title)}'!$3:$3") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return count;
    }

    private static void WriteRow(OpenXmlWriter w, int index, object?[] values, uint style)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)index });
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnName(c + 1) + index;
            switch (values[c])
            {
                case null:
                    break;
                case decimal d:
                    w.WriteElement(new Cell { CellReference = reference, StyleIndex = Money, CellValue = new CellValue(d) });
                    break;
                case int i:
                    w.WriteElement(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(i) });
                    break;
                case var other:
                    var text = Clean(other.ToString() ?? "");
                    var quoted = style == Plain && text.Length > 0 && text[0] is '=' or '+' or '-' or '@';
                    w.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                        { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = quoted ? Quoted : style });
                    break;
            }
        }
        w.WriteEndElement();
    }

    /// <summary>Characters XML cannot carry (control characters, a lone surrogate) are dropped rather than failing the export.</summary>
    public static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i, out var width)) sb ??= new StringBuilder(text, 0, i, text.Length);
            else sb?.Append(text, i, width);
            i += width - 1;
        }
        return sb?.ToString() ?? text;
    }

    private static bool IsXmlChar(string s, int i, out int width)
    {
        width = 1;
        var ch = s[i];
        if (char.IsHighSurrogate(ch))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { width = 2; return true; }
            return false;
        }
        if (char.IsLowSurrogate(ch)) return false;
        return ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch != '\uFFFE' && ch != '\uFFFF');
    }

    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 16 }),
            new Font(new FontSize { Val = 10 }, new Color { Rgb = "FF595959" })) { Count = 4 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(), new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),                                                                                                     // Plain
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true }, // Header
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { FontId = 2, ApplyFont = true, ApplyAlignment = true }, // Title
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },                                                     // Money
            new CellFormat { QuotePrefix = true },                                                                                 // Quoted
            new CellFormat { FontId = 3, ApplyFont = true }) { Count = 6 });                                                       // Summary
}
