using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
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
/// Writes a long list as a workbook row by row (the sheet's XML streamed with XmlWriter into a zip written front to back), so a 500,000-row export never holds the sheet in memory:
/// a title row, the filter summary, a bold frozen header repeated on every printed page, the columns' widths, money as
/// #,##0.00, landscape A4 fitted to the page width. User text is written as text: a value starting with =, +, - or @
/// carries Excel's quote prefix and never becomes a formula.
/// </summary>
public static class ListWriter
{
    private const uint Plain = 0, Header = 1, Title = 2, Money = 3, Quoted = 4, Summary = 5, QuotedHeader = 6;
    public const int FirstDataRow = 4;

    /// <summary>
    /// Writes the workbook to a temp file, deleted when the returned stream is closed, and returns it at position 0 with the
    /// number of data rows. A refusal thrown while reading the rows surfaces here, before anything is sent.
    /// </summary>
    public static async Task<(FileStream File, int Count)> WriteAsync(ListHeading heading, IReadOnlyList<ListColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        // Written as a zip in create mode, which streams each part to disk (a read-write package, as the Open XML SDK
        // opens one, keeps every part in memory until it closes); then reopened for reading, deleted when closed.
        var path = Path.GetTempFileName();
        try
        {
            int count;
            await using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
                count = await WriteAsync(zip, heading, columns, rows, ct);
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous), count);
        }
        catch
        {
            File.Delete(path);
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

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CheckCharacters = false };

    private static async Task<int> WriteAsync(ZipArchive zip, ListHeading heading, IReadOnlyList<ListColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var count = 0;
        // The package's small parts; styles and workbook are the SDK's own elements, serialised.
        Part(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", new Workbook(
            new Sheets(new Sheet { Name = SheetName(heading.Title), SheetId = 1, Id = "rId1" }),
            new DefinedNames(new DefinedName($"'{SheetName(heading.Title)}'!$3:$3") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 })).OuterXml);
        Part(zip, "xl/styles.xml", Styles().OuterXml);
        // The sheet's XML is written by hand with XmlWriter: OpenXmlWriter builds an object per cell and was most of the
        // time of a 500,000-row export (see the benchmark). The elements are SpreadsheetML's, in the schema's order.
        await using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var w = XmlWriter.Create(part, XmlSettings))
        {
            w.WriteStartElement("worksheet", Main);
            w.WriteStartElement("sheetPr", Main);
            w.WriteStartElement("pageSetUpPr", Main); w.WriteAttributeString("fitToPage", "1"); w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("sheetViews", Main);
            w.WriteStartElement("sheetView", Main); w.WriteAttributeString("workbookViewId", "0");
            w.WriteStartElement("pane", Main);
            w.WriteAttributeString("ySplit", (FirstDataRow - 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("topLeftCell", $"A{FirstDataRow}");
            w.WriteAttributeString("activePane", "bottomLeft");
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("cols", Main);
            for (var c = 0; c < columns.Count; c++)
            {
                w.WriteStartElement("col", Main);
                w.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("width", columns[c].Width.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("sheetData", Main);
            var names = Enumerable.Range(1, Math.Max(columns.Count, 1)).Select(ColumnName).ToArray();
            WriteRow(w, names, 1, [heading.Title], Title);
            WriteRow(w, names, 2, [heading.Summary], Summary);
            WriteRow(w, names, 3, columns.Select(c => (object?)c.Header).ToArray(), Header);
            var r = FirstDataRow;
            await foreach (var row in rows.WithCancellation(ct))
            {
                WriteRow(w, names, r++, row, Plain);
                count++;
            }
            w.WriteEndElement();

            var last = ColumnName(columns.Count);
            w.WriteStartElement("mergeCells", Main); w.WriteAttributeString("count", "2");
            foreach (var merged in new[] { $"A1:{last}1", $"A2:{last}2" })
            {
                w.WriteStartElement("mergeCell", Main); w.WriteAttributeString("ref", merged); w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteStartElement("pageMargins", Main);
            foreach (var (name, value) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
                w.WriteAttributeString(name, value);
            w.WriteEndElement();
            w.WriteStartElement("pageSetup", Main);
            w.WriteAttributeString("paperSize", "9");
            w.WriteAttributeString("fitToHeight", "0");
            w.WriteAttributeString("orientation", "landscape");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return count;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml : "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
    }

    private static void WriteRow(XmlWriter w, string[] names, int index, object?[] values, uint style)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", number);
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is null) continue;
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", (c < names.Length ? names[c] : ColumnName(c + 1)) + number);
            switch (values[c])
            {
                case decimal d:
                    w.WriteAttributeString("s", Money.ToString(CultureInfo.InvariantCulture));
                    w.WriteElementString("v", Main, d.ToString(CultureInfo.InvariantCulture));
                    break;
                case int i:
                    if (style != Plain) w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
                    w.WriteElementString("v", Main, i.ToString(CultureInfo.InvariantCulture));
                    break;
                case var other:
                    var text = Clean(other!.ToString() ?? "");
                    // A header may carry user text too (the contact card's departments).
                    var quoted = text.Length > 0 && text[0] is '=' or '+' or '-' or '@';
                    var s = !quoted ? style : style == Plain ? Quoted : style == Header ? QuotedHeader : style;
                    if (s != Plain) w.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(text);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
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
            new CellFormat { FontId = 3, ApplyFont = true },                                                                       // Summary
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, QuotePrefix = true }) { Count = 7 }); // QuotedHeader
}
