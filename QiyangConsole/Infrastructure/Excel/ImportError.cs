namespace QiyangConsole.Infrastructure.Excel;

/// <summary>A bad cell of an uploaded workbook: the row, the column's header and why.</summary>
public sealed record ImportError(int Row, string Column, string Reason)
{
    public override string ToString() => $"第 {Row} 行 {Column} 列：{Reason}";
}
