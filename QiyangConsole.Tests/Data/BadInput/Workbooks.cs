using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>Workbooks and files to upload, good and bad, built in memory.</summary>
internal static class Workbooks
{
    /// <summary>A one-sheet workbook with <paramref name="rows"/> from row 1; strings written as text, numbers as numbers.</summary>
    public static byte[] Sheet(string sheetName, params object?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(sheetName);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                switch (rows[r][c])
                {
                    case string s: ws.Cell(r + 1, c + 1).Text(s); break;
                    case double d: ws.Cell(r + 1, c + 1).SetValue(d); break;
                    case decimal m: ws.Cell(r + 1, c + 1).SetValue(m); break;
                    case int i: ws.Cell(r + 1, c + 1).SetValue(i); break;
                }
        return wb.ToBytes();
    }

    /// <summary>
    /// The workbook with a formula in <paramref name="cell"/> (and the result Excel would have saved with it), written with the
    /// Open XML SDK so that nothing evaluates it on the way.
    /// </summary>
    public static byte[] WithFormula(byte[] xlsx, string cell, string formula, string? cached, bool number = false)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var part = doc.WorkbookPart!.WorksheetParts.First();
            var target = part.Worksheet.Descendants<Cell>().First(c => c.CellReference == cell);
            target.RemoveAllChildren();
            target.CellFormula = new CellFormula(formula);
            if (cached is not null) target.CellValue = new CellValue(cached);
            target.DataType = number ? null : CellValues.String;
            target.StyleIndex = null;
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A zip of <paramref name="entries"/> parts, each <paramref name="bytesEach"/> zero bytes (zeros pack about a thousandfold).</summary>
    public static byte[] Zip(int entries, long bytesEach)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (var i = 0; i < entries; i++)
            {
                using var part = zip.CreateEntry(i == 0 ? "[Content_Types].xml" : $"xl/worksheets/sheet{i}.xml", CompressionLevel.SmallestSize).Open();
                for (var left = bytesEach; left > 0; left -= chunk.Length) part.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// <paramref name="xlsx"/> with its first sheet padded by <paramref name="padding"/> bytes of whitespace inside the root element:
    /// still a valid workbook, which ClosedXML would inflate and parse whole (spaces pack about a thousandfold).
    /// </summary>
    public static byte[] Bomb(byte[] xlsx, long padding)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            var end = xml.LastIndexOf("</", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            writer.Write(xml[..end]);
            var spaces = new string(' ', 1 << 20);
            for (var left = padding; left > 0; left -= spaces.Length) writer.Write(spaces.AsSpan(0, (int)Math.Min(spaces.Length, left)));
            writer.Write(xml[end..]);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A zip of one part that holds <paramref name="actual"/> zero bytes but says, in its local header and in the central
    /// directory, that it unpacks to <paramref name="declared"/>: a bomb that lies about its size.
    /// </summary>
    public static byte[] LyingZip(long actual, uint declared)
    {
        var bytes = Zip(1, actual);
        Patch(bytes, [0x50, 0x4B, 0x03, 0x04], 22, declared); // local file header: uncompressed size
        Patch(bytes, [0x50, 0x4B, 0x01, 0x02], 24, declared); // central directory header: uncompressed size
        return bytes;
    }

    private static void Patch(byte[] bytes, byte[] signature, int offset, uint value)
    {
        var at = bytes.AsSpan().IndexOf(signature);
        Assert.True(at >= 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(at + offset, 4), value);
    }
}
