using System.IO.Compression;
using ClosedXML.Excel;

namespace QiyangConsole.Infrastructure.Excel;

/// <summary>
/// Every uploaded workbook passes here before ClosedXML loads it: at most 5 MB as uploaded, a zip by its first bytes (an old
/// .xls or an encrypted workbook is told apart), and, from the zip's directory alone, few enough parts whose declared unpacked
/// sizes add up to at most 50 MB. ClosedXML holds a whole workbook in memory (several times its XML), so a small file that
/// unpacks to gigabytes (a zip bomb) is refused before anything is inflated. .NET's zip reader never inflates an entry past its
/// declared size, so a file that understates its sizes only yields cut-off XML, which ClosedXML then refuses.
/// </summary>
public static class WorkbookGuard
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const long MaxUnpackedBytes = 50 * 1024 * 1024;
    public const int MaxEntries = 500;
    public const string NotAWorkbook = "文件不是有效的 Excel 工作簿（.xlsx）";

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The workbook, or why it is refused (as an error of row 0, the whole file).</summary>
    public static (XLWorkbook? Workbook, ImportError? Error) Open(Stream file)
    {
        var (bytes, problem) = Read(file);
        problem ??= Problem(bytes!);
        if (problem is not null) return (null, new ImportError(0, "-", problem));
        try { return (new XLWorkbook(new MemoryStream(bytes!, writable: false)), null); }
        catch (Exception) { return (null, new ImportError(0, "-", NotAWorkbook)); }
    }

    /// <summary>Null when the bytes may be handed to ClosedXML; else why not, in Chinese.</summary>
    public static string? Problem(byte[] bytes)
    {
        if (bytes.Length == 0) return "文件是空的，请选择填写好的 Excel 工作簿（.xlsx）";
        if (bytes.Length > MaxFileBytes) return TooLarge;
        if (bytes.AsSpan().StartsWith(CompoundFile)) return "文件是旧版 Excel（.xls）或设置了密码的工作簿，请在 Excel 中去掉密码并另存为 .xlsx 后导入";
        if (!bytes.AsSpan().StartsWith(Zip)) return NotAWorkbook;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) return $"文件包含 {zip.Entries.Count} 个部件，超过 {MaxEntries} 个，不是正常的 Excel 工作簿";
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.Length < 0 || unpacked > MaxUnpackedBytes)
                    return $"文件解压后超过 {MaxUnpackedBytes / 1024 / 1024} MB（可能是压缩炸弹或数据过多），请检查文件或分批导入";
            }
            return null;
        }
        catch (InvalidDataException) { return NotAWorkbook; }
    }

    private static string TooLarge => $"文件不能超过 {MaxFileBytes / 1024 / 1024} MB";

    /// <summary>Reads at most one byte past the limit, so a huge stream is refused without being held.</summary>
    private static (byte[]? Bytes, string? Problem) Read(Stream file)
    {
        if (file.CanSeek && file.Length - file.Position > MaxFileBytes) return (null, TooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes) return (null, TooLarge);
        }
        return (buffer.ToArray(), null);
    }
}
