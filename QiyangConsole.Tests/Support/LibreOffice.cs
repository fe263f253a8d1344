using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// Runs only where LibreOffice can be run: skipped when <c>soffice</c> is absent, unless the environment variable CI
/// is set (CI installs it: there a missing LibreOffice fails the test instead of hiding it).
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils";
    }
}

/// <summary>LibreOffice headless, each conversion with a private profile, and poppler's pdftotext for the text of the result.</summary>
public static partial class LibreOffice
{
    public static string? Path => Which("soffice");

    /// <summary>Converts the file to PDF beside it and returns the PDF's path.</summary>
    public static async Task<string> ToPdfAsync(string file)
    {
        var soffice = Path ?? throw new InvalidOperationException("CI is set but soffice is not installed (.ci/run installs libreoffice-writer-nogui and libreoffice-calc-nogui)");
        var dir = System.IO.Path.GetDirectoryName(file)!;
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qiyang-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = await RunAsync(soffice, ["-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], TimeSpan.FromMinutes(3));
            var pdf = System.IO.Path.ChangeExtension(file, ".pdf");
            if (code != 0 || !File.Exists(pdf)) throw new InvalidOperationException($"soffice failed ({code}): {output}");
            return pdf;
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>The text of each page (pdftotext -layout; pages are separated by form feeds).</summary>
    public static async Task<string[]> PagesAsync(string pdf)
    {
        var pdftotext = Which("pdftotext") ?? throw new InvalidOperationException("pdftotext is not installed (apt-get install poppler-utils; .ci/run installs it)");
        var (code, output) = await RunAsync(pdftotext, ["-layout", "-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"pdftotext failed ({code}): {output}");
        return output.Split('\f').SkipLast(1).ToArray();
    }

    /// <summary>The first word of the first page with its top edge (points from the top of the page), from pdftotext -bbox.</summary>
    public static async Task<(string Text, double Top)> FirstWordAsync(string pdf)
    {
        var pdftotext = Which("pdftotext") ?? throw new InvalidOperationException("pdftotext is not installed (apt-get install poppler-utils; .ci/run installs it)");
        var (code, output) = await RunAsync(pdftotext, ["-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"pdftotext failed ({code}): {output}");
        var word = Word().Match(output);
        if (!word.Success) throw new InvalidOperationException("no word on the first page");
        return (word.Groups[2].Value, Number(word.Groups[1].Value));
    }

    [GeneratedRegex(@"<word xMin=""[-\d.]+"" yMin=""([-\d.]+)""[^>]*>([^<]*)</word>")]
    private static partial Regex Word();

    /// <summary>Every word of a page (1-based) with its box in points from the top left of the page, from pdftotext -bbox.</summary>
    public static async Task<List<(string Text, double Left, double Top, double Right, double Bottom)>> WordsAsync(string pdf, int page)
    {
        var pdftotext = Which("pdftotext") ?? throw new InvalidOperationException("pdftotext is not installed (apt-get install poppler-utils; .ci/run installs it)");
        var p = page.ToString(CultureInfo.InvariantCulture);
        var (code, output) = await RunAsync(pdftotext, ["-bbox", "-f", p, "-l", p, "-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"pdftotext failed ({code}): {output}");
        return WordBox().Matches(output)
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), Number(m.Groups[1].Value), Number(m.Groups[2].Value), Number(m.Groups[3].Value), Number(m.Groups[4].Value)))
            .ToList();
    }

    [GeneratedRegex(@"<word xMin=""([-\d.]+)"" yMin=""([-\d.]+)"" xMax=""([-\d.]+)"" yMax=""([-\d.]+)"">([^<]*)</word>")]
    private static partial Regex WordBox();

    /// <summary>
    /// The horizontal rules of a page (1-based): rendered in grey at 288 dpi by pdftoppm (a 0.75 pt rule is 3 pixels, a 1 pt rule 4), the pixel rows in which dark
    /// pixels run unbroken for at least <paramref name="minWidthPt"/> points, as (top, bottom, left, right) in points
    /// from the top left of the page; adjacent rows make one rule.
    /// </summary>
    public static async Task<List<(double Top, double Bottom, double Left, double Right)>> RulesAsync(string pdf, int page, double minWidthPt)
    {
        var pdftoppm = Which("pdftoppm") ?? throw new InvalidOperationException("pdftoppm is not installed (apt-get install poppler-utils; .ci/run installs it)");
        const int dpi = 288;
        var prefix = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(pdf)!, $"rules-{page}");
        var p = page.ToString(CultureInfo.InvariantCulture);
        var (code, output) = await RunAsync(pdftoppm, ["-f", p, "-l", p, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", pdf, prefix], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"pdftoppm failed ({code}): {output}");
        var (width, height, pixels) = Pgm(await File.ReadAllBytesAsync(prefix + ".pgm"));
        var scale = 72.0 / dpi;
        var rows = new List<(int Row, int Left, int Right)>();
        for (var y = 0; y < height; y++)
        {
            int run = 0, bestStart = 0, bestLength = 0;
            for (var x = 0; x < width; x++)
            {
                run = pixels[y * width + x] < 128 ? run + 1 : 0;
                if (run > bestLength) (bestLength, bestStart) = (run, x - run + 1);
            }
            if (bestLength * scale >= minWidthPt) rows.Add((y, bestStart, bestStart + bestLength));
        }
        var rules = new List<(double Top, double Bottom, double Left, double Right)>();
        foreach (var r in rows)
        {
            if (rules.Count > 0 && Math.Abs(rules[^1].Bottom - r.Row * scale) < scale * 1.5)
                rules[^1] = rules[^1] with { Bottom = (r.Row + 1) * scale };
            else rules.Add((r.Row * scale, (r.Row + 1) * scale, r.Left * scale, r.Right * scale));
        }
        return rules;
    }

    /// <summary>A binary greymap (P5, 8 bits): width, height and the pixels row by row.</summary>
    private static (int Width, int Height, byte[] Pixels) Pgm(byte[] file)
    {
        var fields = new List<int>();
        var i = 2;   // after "P5"
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)file[i])) i++;
            if (file[i] == '#') { while (file[i] != '\n') i++; continue; }
            var start = i;
            while (!char.IsWhiteSpace((char)file[i])) i++;
            fields.Add(int.Parse(Encoding.ASCII.GetString(file, start, i - start), CultureInfo.InvariantCulture));
        }
        i++;   // the single whitespace before the pixels
        return (fields[0], fields[1], file[i..(i + fields[0] * fields[1])]);
    }

    /// <summary>Each page's MediaBox (width, height in points), read from the PDF's page objects.</summary>
    public static List<(double Width, double Height)> MediaBoxes(string pdf)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        return PageObject().Matches(text)
            .Select(m => MediaBox().Match(m.Value))
            .Where(m => m.Success)
            .Select(m => (Number(m.Groups[3].Value) - Number(m.Groups[1].Value), Number(m.Groups[4].Value) - Number(m.Groups[2].Value)))
            .ToList();
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<<(?:(?!>>).)*?/Type\s*/Page(?![s\w])(?:(?!endobj).)*", RegexOptions.Singleline)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> RunAsync(string exe, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{exe} took longer than {timeout}"); }
        return (process.ExitCode, await stdout + await stderr);
    }
}
