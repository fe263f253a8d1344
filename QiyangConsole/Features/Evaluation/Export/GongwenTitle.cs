using System.Text.RegularExpressions;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>
/// The 标题 of a 公文 over several lines (GB/T 9704-2012 §7.3.3: "回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
/// 标题排列应当使用梯形或菱形"). A title wider than a line is cut into as few lines as hold it, at the break that keeps
/// words whole and the lines alike in length; of two lines the upper is not the shorter (正梯形), unless the only
/// whole-word breaks give a much worse shape.
/// </summary>
public static partial class GongwenTitle
{
    /// <summary>Characters of 2号 (22 pt, 440 twips) on a line of the 156 mm text area: 20.</summary>
    public static int CharsPerLine => GongwenLayout.TextWidth / (GongwenLayout.TitleSize * 10);

    /// <summary>The kinds of document that end a title ("关于…的通报"): a line may well begin with one.</summary>
    private static readonly string[] Kinds = ["通报", "通知", "决定", "意见", "报告", "批复", "请示", "函", "纪要", "方案", "办法", "规定", "公告", "通告", "决议", "命令", "议案"];

    /// <summary>
    /// Words and fixed phrases of the task force's titles that a break must not cut, longest first where they overlap
    /// (优化发展环境 before 发展). Text outside the list falls into single characters, which a break may separate at a cost.
    /// </summary>
    private static readonly string[] Words =
    [
        "打好优化发展环境持久仗", "优化发展环境", "优化营商环境", "营商环境", "发展环境", "工作专班", "持久仗", "祁阳高新区", "高新区", "祁阳市",
        "进一步", "上半年", "下半年", "全年", "季度", "年度", "月度", "第一季度", "第二季度", "第三季度", "第四季度",
        "关于", "全市", "全县", "全区", "全省", "全面", "优化", "发展", "环境", "工作", "考核", "排名", "情况", "结果", "评价", "测评",
        "专班", "专项", "行动", "重点", "项目", "问题", "整改", "督查", "督办", "督导", "落实", "推进", "开展", "加强", "做好", "实施",
        "印发", "有关", "事项", "相关", "单位", "乡镇", "街道", "市直", "园区", "表扬", "批评", "先进", "后进", "典型", "经验", "做法",
        "服务", "企业", "招商", "引资", "投资", "审批", "改革", "政务", "效能", "作风", "建设", "活动", "会议", "精神", "部署", "调度",
        "拿地即开工", "重点项目", "开工", "竣工", "验收", "回访", "满意度", "调查", "成效", "突出", "进展", "通报",
    ];

    /// <summary>The title's lines: one if it fits, else as few as hold it, broken as the standard asks.</summary>
    public static IReadOnlyList<string> Lines(string? title, int? charsPerLine = null)
    {
        var text = (title ?? "").Trim();
        var max = charsPerLine ?? CharsPerLine;
        if (GongwenLayout.WidthInChars(text) <= max) return [text];
        var tokens = Tokens(text);
        for (var count = 2; count <= tokens.Count; count++)
        {
            var best = Best(tokens, count, max);
            if (best is not null) return best;
        }
        return [text];   // a single token wider than the line: the renderer wraps it
    }

    /// <summary>The cheapest way to cut the tokens into <paramref name="count"/> lines no wider than <paramref name="max"/>, or null.</summary>
    private static List<string>? Best(IReadOnlyList<Token> tokens, int count, int max)
    {
        List<string>? best = null;
        var bestCost = double.MaxValue;
        var cuts = new int[count - 1];
        void Choose(int index, int from)
        {
            if (index == cuts.Length)
            {
                var lines = Split(tokens, cuts);
                var widths = lines.Select(GongwenLayout.WidthInChars).ToList();
                if (widths.Any(w => w > max)) return;
                var cost = Shape(widths) + cuts.Sum(c => BreakCost(tokens, c));
                if (cost < bestCost) (bestCost, best) = (cost, lines);
                return;
            }
            for (var c = from; c <= tokens.Count - (cuts.Length - index); c++)
            {
                cuts[index] = c;
                Choose(index + 1, c + 1);
            }
        }
        Choose(0, 1);
        return best;
    }

    private static List<string> Split(IReadOnlyList<Token> tokens, int[] cuts)
    {
        var lines = new List<string>();
        var start = 0;
        foreach (var end in cuts.Append(tokens.Count))
        {
            lines.Add(string.Concat(tokens.Skip(start).Take(end - start).Select(t => t.Text)));
            start = end;
        }
        return lines;
    }

    /// <summary>
    /// Lines alike in length: the spread of the widths, and for the last line longer than the one above it (倒梯形) three
    /// characters more and the excess counted thrice. A middle line longer than both neighbours (菱形) costs nothing extra.
    /// </summary>
    private static double Shape(List<double> widths)
    {
        var mean = widths.Average();
        var cost = widths.Sum(w => Math.Abs(w - mean)) * 2 / widths.Count * (widths.Count == 2 ? 1 : 1.5);
        var excess = widths[^1] - widths[^2];
        if (excess > 0) cost += 3 + 3 * excess;
        return cost;
    }

    /// <summary>
    /// The cost of a break before token <paramref name="at"/>: none after "的" or before the kind of document (关于…的 / 通报),
    /// none between two known words or at 和/与/及, two next to a lone character (it may belong to a word). Inside a
    /// token there is no break at all (see <see cref="Tokens"/>).
    /// </summary>
    private static double BreakCost(IReadOnlyList<Token> tokens, int at)
    {
        Token before = tokens[at - 1], after = tokens[at];
        if (before.Text.EndsWith('的') || (at == tokens.Count - 1 && Kinds.Contains(after.Text))) return -1;
        if (before.Known && after.Known) return 0;
        if (before.Text is "和" or "与" or "及" or "、" || after.Text is "和" or "与" or "及") return 0;
        return 2;
    }

    private sealed record Token(string Text, bool Known);

    /// <summary>
    /// The title as tokens no break may cut: dates and numbers with their unit (2023年, 5月, 第2季度), words of the list,
    /// brackets with what they hold, and punctuation that may not begin a line joined to the token before it; the rest
    /// character by character.
    /// </summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var number = NumberWithUnit().Match(text, i);
            if (number.Success && number.Index == i)
            {
                tokens.Add(new Token(number.Value, true));
                i += number.Length;
                continue;
            }
            if ("（《〔“‘(".Contains(text[i]))
            {
                var close = text.IndexOfAny(['）', '》', '〕', '”', '’', ')'], i + 1);
                var end = close < 0 ? text.Length : close + 1;
                tokens.Add(new Token(text[i..end], true));
                i = end;
                continue;
            }
            if ("，、。：；！？）》〕”’),.:;!?".Contains(text[i]) && tokens.Count > 0)
            {
                tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + text[i] };
                i++;
                continue;
            }
            var word = Words.Where(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0).MaxBy(w => w.Length);
            if (word is not null)
            {
                tokens.Add(new Token(word, true));
                i += word.Length;
                continue;
            }
            tokens.Add(new Token(text[i].ToString(), false));
            i++;
        }
        return tokens;
    }

    [GeneratedRegex(@"第?[0-9A-Za-z.]+(年度|年|月份|月|日|号|季度|%|％|个|家|项)?|第[一二三四五六七八九十]+(季度|批|次|期)")]
    private static partial Regex NumberWithUnit();
}
