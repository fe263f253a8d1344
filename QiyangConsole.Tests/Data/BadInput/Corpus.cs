namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>The values every form is tried with.</summary>
internal static class Corpus
{
    /// <summary>Empty in the ways a form sends it: nothing, an empty box, spaces (half- and full-width), a line break.</summary>
    public static readonly string?[] Blank = [null, "", "   ", "　", "\n\t"];

    /// <summary>Text that is not bad at all and must be stored and shown exactly as typed: markup, formula-looking text, characters outside the basic plane.</summary>
    public static readonly string[] Odd =
    [
        "<script>alert(1)</script>",
        "<b>粗体</b>&amp;",
        "=1+1",
        "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "+86 0746",
        "-3 扣分",
        "@SUM(A1:A9)",
        "𠀀𠮷 祁阳 😀👨‍👩‍👧",
    ];

    /// <summary><paramref name="n"/> characters, each a CJK character outside the basic plane (two UTF-16 units, one character to the user).</summary>
    public static string Supplementary(int n) => string.Concat(Enumerable.Repeat("𠀀", n));

    /// <summary><paramref name="n"/> ordinary Chinese characters.</summary>
    public static string Long(int n) => new('长', n);

    /// <summary>Text of exactly <paramref name="max"/> + 1 characters, refused; <see cref="Supplementary"/> of <paramref name="max"/> is accepted.</summary>
    public static string TooLong(int max) => Long(max + 1);
}
