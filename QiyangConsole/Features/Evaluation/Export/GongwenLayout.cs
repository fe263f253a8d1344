namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>
/// The page of a 公文 after GB/T 9704-2012, in the units Word and Excel store: twips (1/1440 inch), half-points and
/// eighths of a point. A4, margins top 37 / bottom 35 / left 28 / right 26 mm, so the text area is 156 × 225 mm and holds
/// 22 lines of 28 characters of 3号 (16 pt) type.
/// </summary>
public static class GongwenLayout
{
    public const double PageWidthMm = 210, PageHeightMm = 297;
    public const double TopMm = 37, BottomMm = 35, LeftMm = 28, RightMm = 26;
    public const double TextWidthMm = PageWidthMm - LeftMm - RightMm;     // 156
    public const double TextHeightMm = PageHeightMm - TopMm - BottomMm;   // 225
    public const int LinesPerPage = 22, CharsPerLine = 28;

    public const string TitleFont = "方正小标宋简体";      // 标题, 发文机关标志
    public const string BodyFont = "仿宋_GB2312";          // 正文, 发文字号, 署名, 日期, 版记
    public const string HeadingFont = "黑体";              // 一级标题 一、
    public const string SubheadingFont = "楷体_GB2312";    // 二级标题 （一）
    public const string PageNumberFont = "宋体";           // 4号半角宋体阿拉伯数字
    /// <summary>
    /// Digits and Latin letters of 仿宋 text (发文字号, dates, scores): half a character wide, as the layout counts them
    /// (<see cref="WidthInChars"/>), wherever the document is opened. 仿宋_GB2312's own digits are half width, but where it is
    /// missing the substitute's are wider (DejaVu Sans in LibreOffice: 0.64 em), and "2023年6月7日印发" no longer fits its cell.
    /// </summary>
    public const string LatinFont = "Times New Roman";

    // Sizes in half-points (Word's w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt.
    public const int TitleSize = 44, BodySize = 32, ClosingSize = 28, PageNumberSize = 28, TableSize = 24;

    /// <summary>Rules in eighths of a point: 版记 first and last rules 0.35 mm (1 pt), the rule between 0.25 mm (0.75 pt); the red rule under the number.</summary>
    public const int ThickRule = 8, ThinRule = 6, RedRule = 12;
    public const string Red = "E60012";

    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static int PageWidth => Twips(PageWidthMm);      // 11906
    public static int PageHeight => Twips(PageHeightMm);    // 16838
    public static int MarginTop => Twips(TopMm);            // 2098
    public static int MarginBottom => Twips(BottomMm);      // 1984
    public static int MarginLeft => Twips(LeftMm);          // 1587
    public static int MarginRight => Twips(RightMm);        // 1474
    public static int TextWidth => PageWidth - MarginLeft - MarginRight;    // 8845
    public static int TextHeight => PageHeight - MarginTop - MarginBottom;  // 12756

    /// <summary>docGrid linePitch: the text height shared by 22 lines (579 twips ≈ 28.95 pt), rounded down so 22 always fit.</summary>
    public static int LinePitch => TextHeight / LinesPerPage;

    /// <summary>One character of the 28 on a line, in twips (≈ 315.9, a little under the 320 of a 16 pt character).</summary>
    public static double CharPitch => (double)TextWidth / CharsPerLine;

    /// <summary>
    /// Body runs are condensed to the pitch of 28 characters a line (−5 twips: 315 of 320), so that 28 characters of 3号
    /// fill the 156 mm line. The document grid snaps lines only: a character grid ("linesAndChars") makes LibreOffice
    /// give each 16 pt character two cells of the narrower grid and spread 12 to 14 of them over a justified line.
    /// </summary>
    public static int BodyCharSpacing => (int)Math.Floor(CharPitch) - BodySize * 10;

    /// <summary>
    /// 版记 runs are condensed by 8 twips (0.4 pt) a character: the printing line, a 21-character 印发机关 one character in
    /// from the left and "2023年6月7日印发" one in from the right, is 31 characters of 4号 on a line of 31.6, and LibreOffice
    /// adds a fifth of a character wherever digits meet characters (it ignores autoSpaceDE/DN): five times on that line.
    /// Measured in LibreOffice 7.4: at −5 the line needs 27 twips more than the text width and breaks.
    /// </summary>
    public const int ClosingCharSpacing = -8;

    /// <summary>One 3号 character (two-character first-line indent, the date's four characters from the right).</summary>
    public const int BodyChar = BodySize * 10;       // 320 twips
    public const int ClosingChar = ClosingSize * 10; // 280 twips

    /// <summary>发文机关标志: its top edge 35 mm below the top of the text area (下行文); the pre-printed mode leaves this space and the mark's line empty.</summary>
    public static int HeaderSpace => Twips(35);
    /// <summary>The red rule 4 mm under the 发文字号 (a paragraph border's space is given in points).</summary>
    public const int RuleGapPoints = 11;

    /// <summary>
    /// The size of the 发文机关标志 in half-points: large (up to 36 pt) but never wider than the text area, with one
    /// character of room, so that the mark stays on one line (an 18-character name prints at 23 pt).
    /// </summary>
    public static int MarkSize(string issuer)
    {
        var width = Math.Max(1, WidthInChars(issuer)) + 1;
        var points = TextWidth / 20.0 / width;
        return Math.Clamp((int)Math.Floor(points * 2), BodySize, 72);
    }

    /// <summary>The mark's line, exactly: its size and a fifth for the ascenders.</summary>
    public static int MarkLine(string issuer) => (int)Math.Ceiling(MarkSize(issuer) * 10 * 1.2);

    /// <summary>页码: the 一字线 7 mm below the text area; the footer's line is exact, so the footer distance puts its top there.</summary>
    public const int PageNumberLine = 340;
    public static int FooterDistance => Twips(BottomMm - 7) - PageNumberLine;

    /// <summary>页码 text: "— 1 —" (一字线 on both sides).</summary>
    public static string PageNumberText(int page) => $"— {page} —";

    /// <summary>Width in body characters: CJK and full-width forms are one, ASCII (the date's digits) half.</summary>
    public static double WidthInChars(string? text) => (text ?? "").Sum(c => c < 0x2E80 && c != '—' && c != '“' && c != '”' ? 0.5 : 1.0);

    /// <summary>成文日期 right-aligned, four characters from the right (§7.3.5.1).</summary>
    public const double DateRightChars = 4;

    /// <summary>The least space right of the 发文机关署名: two characters (§7.3.5.3 "右空二字").</summary>
    public const double NameRightMinChars = 2;

    /// <summary>Where the 发文机关署名 and the 成文日期 end: characters of space to their right.</summary>
    public readonly record struct SignaturePlacement(double NameRightChars, double DateRightChars);

    /// <summary>
    /// 发文机关署名 and 成文日期 after GB/T 9704-2012 §7.3.5.1: the date four characters from the right and the name
    /// centred over it. A name so much longer than the date (by more than four characters) that centring would bring
    /// it closer than two characters to the right edge is set two characters from the right (the least space §7.3.5.3
    /// keeps), and the date is moved left by as much, so that it stays centred under the name.
    /// </summary>
    public static SignaturePlacement Signature(string issuer, string date)
    {
        double name = WidthInChars(issuer), day = WidthInChars(date);
        var centred = DateRightChars + (day - name) / 2;
        return centred >= NameRightMinChars
            ? new SignaturePlacement(centred, DateRightChars)
            : new SignaturePlacement(NameRightMinChars, NameRightMinChars + (name - day) / 2);
    }

    /// <summary>Columns of the ranking table in twips, summing to the text width.</summary>
    public static readonly string[] TableHeaders = ["名次", "考核单位", "指标得分", "加分", "扣分", "总分", "备注"];
    public static int[] TableColumns()
    {
        int[] chars = [3, 12, 5, 3, 3, 4, 5];   // of 小四 (240 twips): a unit's name has at most 11 characters
        var widths = chars.Select(c => c * TableSize * 10).ToArray();
        widths[1] += TextWidth - widths.Sum();   // the unit column takes what is left
        return widths;
    }
}
