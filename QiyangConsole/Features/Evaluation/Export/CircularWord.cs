using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using L = QiyangConsole.Features.Evaluation.Export.GongwenLayout;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>
/// The circular as a Word document laid out after GB/T 9704-2012 (<see cref="GongwenLayout"/>): 版头 with the red mark
/// 35 mm below the top of the text area (or, for pre-printed red-header paper, that space and the mark's line left
/// blank and the rule not printed), 主体 on a grid of 22 lines of 28 characters, 版记 between thick rules with a thin rule
/// above the printing line, and page numbers "— 1 —" on the outer side (odd pages right, even pages left).
/// </summary>
public static class CircularWord
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Black = "000000", White = "FFFFFF";

    public static byte[] Build(CircularParts parts, bool preprinted)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new DefaultTabStop { Val = L.BodyChar * 2 }, new EvenAndOddHeaders());
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = PageNumberFooter(odd: true);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = PageNumberFooter(odd: false);

            var body = new Body();
            Header(body, parts, preprinted);
            Content(body, parts);
            body.Append(Section(main.GetIdOfPart(odd), main.GetIdOfPart(even)));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Header(Body body, CircularParts parts, bool preprinted)
    {
        // Off the grid, or LibreOffice sets this line to the grid's 579 twips instead of 35 mm.
        var space = Para(Exact(L.HeaderSpace));
        space.ParagraphProperties!.SnapToGrid = new SnapToGrid { Val = false };
        body.Append(space);
        var mark = Para(Exact(L.MarkLine(parts.Mark)), JustificationValues.Center);
        mark.ParagraphProperties!.SnapToGrid = new SnapToGrid { Val = false };
        if (!preprinted) mark.Append(TextRun(parts.Mark, L.TitleFont, L.MarkSize(parts.Mark), L.Red));
        body.Append(mark);
        body.Append(Blank(), Blank());
        var number = Para(Line(), JustificationValues.Center);
        // The red rule 4 mm under the number; on pre-printed paper it is there already, so it is drawn white: the same space, nothing printed.
        number.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(
            new BottomBorder { Val = BorderValues.Single, Size = L.RedRule, Space = L.RuleGapPoints, Color = preprinted ? White : L.Red });
        number.Append(TextRun(parts.Number, L.BodyFont, L.BodySize));
        body.Append(number);
        body.Append(Blank(), Blank());
    }

    private static void Content(Body body, CircularParts parts)
    {
        // A title wider than a line is broken where GongwenTitle chooses (words whole, 正梯形), one paragraph with line breaks.
        var title = Para(Line(), JustificationValues.Center);
        var lines = GongwenTitle.Lines(parts.Title);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) title.Append(new Run(new Break()));
            title.Append(TextRun(lines[i], L.TitleFont, L.TitleSize));
        }
        title.ParagraphProperties!.SnapToGrid = new SnapToGrid { Val = false };   // 22 pt characters off the 16 pt grid
        body.Append(title);
        body.Append(Blank());
        if (parts.MainTo is { } mainTo) body.Append(Para(Line(), JustificationValues.Both, TextRun(mainTo, L.BodyFont, L.BodySize)));
        foreach (var block in parts.Body)
        {
            switch (block.Kind)
            {
                case BlockKind.Table:
                    body.Append(RankingTable(block.Rows ?? []));
                    break;
                default:
                    var font = block.Kind switch { BlockKind.Heading => L.HeadingFont, BlockKind.Subheading => L.SubheadingFont, _ => L.BodyFont };
                    var p = Para(Line(), JustificationValues.Both, TextRun(block.Text, font, L.BodySize));
                    p.ParagraphProperties!.Indentation = new Indentation { FirstLine = (L.BodyChar * 2).ToString(CultureInfo.InvariantCulture) };
                    body.Append(p);
                    break;
            }
        }
        body.Append(Blank(), Blank());
        // 署名 centred over 成文日期, the date four characters from the right; a long name two from the right and the date under its middle.
        var place = L.Signature(parts.Signature, parts.Date);
        var signature = Para(Line(), JustificationValues.Right, TextRun(parts.Signature, L.BodyFont, L.BodySize));
        signature.ParagraphProperties!.Indentation = Right(place.NameRightChars * L.BodyChar);
        signature.ParagraphProperties.KeepNext = new KeepNext();   // name and date on one page
        var date = Para(Line(), JustificationValues.Right, TextRun(parts.Date, L.BodyFont, L.BodySize));
        date.ParagraphProperties!.Indentation = Right(place.DateRightChars * L.BodyChar);
        // The 版记 floats to the foot of the page that holds its anchor, the paragraph after it: the name, kept with the
        // date, so the 版记 is on the last page whatever the length of the body.
        body.Append(Closing(parts), signature, date);
    }

    /// <summary>
    /// 版记: a table as wide as the text area; thick rule above the first line and below the last, thin rule above the
    /// printing line, whose two cells hold 印发机关 (one character in from the left) and 印发日期 (one in from the right).
    /// The table floats (tblpPr) with its foot on the foot of the text area, so that its last rule is the text area's
    /// lower edge (§7.4.1 "末条分隔线与公文最后一页的版心下边缘重合"). It is placed horizontally from the page edge (at the
    /// left margin): LibreOffice imports a table positioned against the margin as wide as the text area as an inline
    /// table, and one placed against the page as the floating frame Word makes of it.
    /// </summary>
    private static Table Closing(CircularParts parts)
    {
        // 印发机关's cell as wide as the name (condensed like all 版记 text) and the character in from the left; the date's
        // cell has the rest, for LibreOffice puts a fifth of a character between the date's digits and characters.
        var printDate = $"{parts.PrintDate}印发";
        var nameWidth = (int)Math.Ceiling(L.WidthInChars(parts.PrintedBy) * (L.ClosingChar + L.ClosingCharSpacing)) + L.ClosingChar + 20;
        var dateWidth = L.TextWidth - nameWidth;
        var table = new Table(
            new TableProperties(
                new TablePositionProperties
                {
                    LeftFromText = 0, RightFromText = 0, TopFromText = 0, BottomFromText = 0,
                    VerticalAnchor = VerticalAnchorValues.Margin, TablePositionYAlignment = VerticalAlignmentValues.Bottom,
                    HorizontalAnchor = HorizontalAnchorValues.Page, TablePositionX = L.MarginLeft,
                },
                new TableOverlap { Val = TableOverlapValues.Never },
                new TableWidth { Width = L.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                    new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = (L.TextWidth - dateWidth).ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = dateWidth.ToString(CultureInfo.InvariantCulture) }));
        for (var i = 0; i < parts.CopyLines.Count; i++)
        {
            // 抄送 left and right one character in; a second line starts under the first name after the colon (§7.4.2).
            var line = ClosingPara(JustificationValues.Left, parts.CopyLines[i]);
            var hanging = (int)Math.Round(L.WidthInChars(parts.CopyLines[i][..(parts.CopyLines[i].IndexOf('：') + 1)]) * L.ClosingChar);
            line.ParagraphProperties!.Indentation!.Left = (L.ClosingChar + hanging).ToString(CultureInfo.InvariantCulture);
            line.ParagraphProperties.Indentation.Hanging = hanging.ToString(CultureInfo.InvariantCulture);
            table.Append(new TableRow(new TableRowProperties(new CantSplit()), ClosingCell(L.TextWidth, 2, line, top: i == 0 ? L.ThickRule : null, bottom: null)));
        }
        var firstRule = parts.CopyLines.Count == 0 ? L.ThickRule : L.ThinRule;
        table.Append(new TableRow(new TableRowProperties(new CantSplit()),
            ClosingCell(L.TextWidth - dateWidth, 1, ClosingPara(JustificationValues.Left, parts.PrintedBy, right: 0), top: firstRule, bottom: L.ThickRule),
            ClosingCell(dateWidth, 1, ClosingPara(JustificationValues.Right, printDate, left: 0), top: firstRule, bottom: L.ThickRule)));
        return table;
    }

    private static Paragraph ClosingPara(JustificationValues justification, string text, int left = L.ClosingChar, int right = L.ClosingChar)
    {
        var p = Para(new SpacingBetweenLines { Line = (L.ClosingSize * 10 * 3 / 2).ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            justification, TextRun(text, L.BodyFont, L.ClosingSize));
        p.Descendants<RunProperties>().Single().Spacing = new Spacing { Val = L.ClosingCharSpacing };
        p.ParagraphProperties!.Indentation = new Indentation { Left = left.ToString(CultureInfo.InvariantCulture), Right = right.ToString(CultureInfo.InvariantCulture) };
        p.ParagraphProperties.SnapToGrid = new SnapToGrid { Val = false };
        // No extra space between Chinese and the date's digits: the printing line must stay on one line.
        p.ParagraphProperties.AutoSpaceDE = new AutoSpaceDE { Val = false };
        p.ParagraphProperties.AutoSpaceDN = new AutoSpaceDN { Val = false };
        return p;
    }

    private static TableCell ClosingCell(int width, int span, Paragraph p, int? top, int? bottom)
    {
        var borders = new TableCellBorders();
        if (top is { } t) borders.Append(new TopBorder { Val = BorderValues.Single, Size = (uint)t, Color = Black, Space = 0 });
        if (bottom is { } b) borders.Append(new BottomBorder { Val = BorderValues.Single, Size = (uint)b, Color = Black, Space = 0 });
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        props.Append(borders);
        return new TableCell(props, p);
    }

    private static Table RankingTable(IReadOnlyList<RankingRow> rows)
    {
        var widths = L.TableColumns();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = L.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = Black }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = Black },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = Black }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = Black },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = Black }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = Black }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(widths, L.TableHeaders, L.HeadingFont, header: true, lagging: false));
        foreach (var r in rows)
            table.Append(Row(widths, [r.Rank.ToString(CultureInfo.InvariantCulture), r.UnitName, Points(r.IndicatorPoints), Points(r.Bonus), Points(r.Deductions), Points(r.Total), r.IsLagging ? "排名后进" : ""],
                L.BodyFont, header: false, lagging: r.IsLagging));
        return table;
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static TableRow Row(int[] widths, IReadOnlyList<string> texts, string font, bool header, bool lagging)
    {
        var rowProps = new TableRowProperties(new CantSplit());
        if (header) rowProps.Append(new TableHeader());   // repeated at the top of each page the table runs over
        var row = new TableRow(rowProps);
        for (var i = 0; i < texts.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (lagging) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FDE2E2" });
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            var p = Para(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
                i == 1 && !header ? JustificationValues.Left : JustificationValues.Center, TextRun(texts[i], font, L.TableSize));
            p.ParagraphProperties!.SnapToGrid = new SnapToGrid { Val = false };
            row.Append(new TableCell(props, p));
        }
        return row;
    }

    private static Footer PageNumberFooter(bool odd)
    {
        var p = Para(new SpacingBetweenLines { Line = L.PageNumberLine.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            odd ? JustificationValues.Right : JustificationValues.Left);
        // 单页码居右空一字，双页码居左空一字 (one 4号 character).
        p.ParagraphProperties!.Indentation = odd ? new Indentation { Right = L.ClosingChar.ToString(CultureInfo.InvariantCulture) } : new Indentation { Left = L.ClosingChar.ToString(CultureInfo.InvariantCulture) };
        p.ParagraphProperties.SnapToGrid = new SnapToGrid { Val = false };
        p.Append(TextRun("— ", L.PageNumberFont, L.PageNumberSize));
        p.Append(new SimpleField(TextRun("1", L.PageNumberFont, L.PageNumberSize)) { Instruction = " PAGE " });
        p.Append(TextRun(" —", L.PageNumberFont, L.PageNumberSize));
        return new Footer(p);
    }

    private static SectionProperties Section(string oddFooter, string evenFooter) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
        new PageSize { Width = (uint)L.PageWidth, Height = (uint)L.PageHeight, Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = L.MarginTop, Bottom = L.MarginBottom, Left = (uint)L.MarginLeft, Right = (uint)L.MarginRight,
            Header = (uint)L.Twips(15), Footer = (uint)L.FooterDistance, Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = L.LinePitch });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(L.BodyFont), new FontSize { Val = L.BodySize.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = L.BodySize.ToString(CultureInfo.InvariantCulture) }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Before = "0", After = "0" }))),
        // LibreOffice sizes the character grid from the Normal style's own East Asian size, not from the defaults.
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleRunProperties(Fonts(L.BodyFont), new FontSize { Val = L.BodySize.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = L.BodySize.ToString(CultureInfo.InvariantCulture) })) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    /// <summary>The run's fonts: 仿宋 text takes its digits and Latin letters from <see cref="GongwenLayout.LatinFont"/>, the other fonts their own.</summary>
    private static RunFonts Fonts(string font)
    {
        var latin = font == L.BodyFont ? L.LatinFont : font;
        return new() { Ascii = latin, HighAnsi = latin, EastAsia = font, ComplexScript = latin };
    }

    private static Run TextRun(string text, string font, int halfPoints, string color = Black)
    {
        var props = new RunProperties
        {
            RunFonts = Fonts(font),
            Color = new Color { Val = color },
            FontSize = new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
        };
        if (halfPoints == L.BodySize) props.Spacing = new Spacing { Val = L.BodyCharSpacing };
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static SpacingBetweenLines Exact(int twips) =>
        new() { Line = twips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" };

    /// <summary>One line of the grid: exactly the line pitch, so Word and LibreOffice both set 22 lines a page.</summary>
    private static SpacingBetweenLines Line() => Exact(L.LinePitch);

    private static Paragraph Blank() => Para(Line());

    private static Indentation Right(double twips) => new() { Right = ((int)Math.Round(twips)).ToString(CultureInfo.InvariantCulture) };

    private static Paragraph Para(SpacingBetweenLines spacing, JustificationValues? justification = null, params OpenXmlElement[] runs)
    {
        var props = new ParagraphProperties { SpacingBetweenLines = spacing };
        if (justification is { } j) props.Justification = new Justification { Val = j };
        var p = new Paragraph(props);
        p.Append(runs);
        return p;
    }
}
