using ClosedXML.Excel;

namespace QiyangConsole.Infrastructure.Excel;

/// <summary>Writes user text into cells as text: a value starting with =, +, - or @ never becomes a formula.</summary>
public static class ExcelText
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IXLCell Text(this IXLCell cell, string? text)
    {
        text ??= "";
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') cell.Style.IncludeQuotePrefix = true;
        return cell;
    }

    public static IXLCell Number(this IXLCell cell, decimal value, string format = "0.00")
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
        return cell;
    }

    public static byte[] ToBytes(this XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a cell as trimmed text whatever Excel stored in it. A formula is read as the result Excel saved with it, never
    /// evaluated here: an uploaded formula is the user's data, and ClosedXML's evaluator throws on functions it lacks.
    /// </summary>
    public static string Read(this IXLCell cell)
    {
        if (cell.HasFormula) return Convert.ToString(cell.CachedValue, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
        return cell.IsEmpty() ? "" : cell.GetString().Trim();
    }
}
