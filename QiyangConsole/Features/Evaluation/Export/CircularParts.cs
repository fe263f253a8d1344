using System.Globalization;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation.Export;

public enum BlockKind { Paragraph, Heading, Subheading, Table }

/// <summary>One block of the 正文: a paragraph, a heading (一、 in 黑体), a subheading (（一） in 楷体) or a ranking table.</summary>
public sealed record CircularBlock(BlockKind Kind, string Text, IReadOnlyList<RankingRow>? Rows = null);

/// <summary>
/// The parts of the circular as GB/T 9704-2012 names them, the same for the print view, the Word document and the
/// workbook: 版头 (发文机关标志, 发文字号), 主体 (标题, 主送机关, 正文, 发文机关署名, 成文日期) and 版记 (抄送, 印发机关和印发日期).
/// </summary>
public sealed record CircularParts(
    string Mark, string Number, string Title, string? MainTo, IReadOnlyList<CircularBlock> Body,
    string Signature, string Date, IReadOnlyList<string> CopyLines, string PrintedBy, string PrintDate)
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>The 版记's printing line: 印发机关 on the left, 印发日期 and "印发" on the right.</summary>
    public string PrintLine => $"{PrintedBy}　　{PrintDate}印发";

    public static CircularParts From(CircularDocument doc)
    {
        var c = doc.Circular;
        var date = c.IssueDate is { } d ? AppTime.DocumentDate(d) : "";
        var body = new List<CircularBlock>();
        if (!string.IsNullOrWhiteSpace(c.Summary)) body.Add(new(BlockKind.Paragraph, c.Summary.Trim()));
        var heading = 0;
        body.Add(new(BlockKind.Heading, $"{Numerals[heading++]}、考核排名情况"));
        var group = 0;
        foreach (var g in doc.Rankings.GroupBy(r => r.GroupName))
        {
            body.Add(new(BlockKind.Subheading, $"（{Numerals[Math.Min(group++, Numerals.Length - 1)]}）{g.Key}排名情况"));
            body.Add(new(BlockKind.Table, g.Key, g.ToList()));
        }
        body.Add(new(BlockKind.Heading, $"{Numerals[heading++]}、通报批评"));
        body.Add(new(BlockKind.Paragraph, CriticisedText(doc.CriticisedUnits)));
        if (doc.Amendments.Count > 0)
        {
            body.Add(new(BlockKind.Heading, $"{Numerals[heading]}、更正"));
            body.AddRange(doc.Amendments.Select(a => new CircularBlock(BlockKind.Paragraph, string.Create(CultureInfo.InvariantCulture,
                $"{a.UnitName}“{a.IndicatorName}”由{a.OldPoints:0.##}分更正为{a.NewPoints:0.##}分。原因：{a.Reason}。{a.Effect}"))));
        }
        var copy = new List<string>();
        if (!string.IsNullOrWhiteSpace(c.CopyTo)) copy.Add($"抄送：{c.CopyTo.Trim()}");
        if (!string.IsNullOrWhiteSpace(c.ReportTo)) copy.Add($"报：{c.ReportTo.Trim()}");
        return new CircularParts(c.Issuer, doc.NumberText ?? "", c.Title, MainToLine(c.DistributeTo), body, c.Issuer, date, copy, c.PrintedBy, date);
    }

    /// <summary>主送机关: the circular's 发 list, ending with a full-width colon.</summary>
    public static string? MainToLine(string? distributeTo) =>
        string.IsNullOrWhiteSpace(distributeTo) ? null : distributeTo.Trim().TrimEnd('：', ':') + "：";

    public static string CriticisedText(IReadOnlyList<string> units) => units.Count == 0 ? "本月无通报批评单位。"
        : $"对以下排名后进单位予以通报批评：{string.Join("、", units)}。请被通报单位认真查摆问题，限期整改到位。";

    public static string ChangeText(int? change) => change switch { null => "—", > 0 => $"↑{change}", < 0 => $"↓{-change}", _ => "持平" };
}
