using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): the code set, the 18-character length, the 6-digit 登记管理机关行政区划码 in positions 3–8
/// and the check character (31 − Σ value·weight mod 31, weights 3^i mod 31).
/// </summary>
public sealed class CreditCodeTests
{
    private const string Empty = "统一社会信用代码不能为空";
    private const string AdminDivision = "统一社会信用代码第 3–8 位应为登记管理机关行政区划码（6 位数字）";

    private static string Length(int n) => $"统一社会信用代码应为 18 位，现为 {n} 位";
    private static string Forbidden(int position, char c) => $"统一社会信用代码第 {position} 位“{c}”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）";
    private static string WrongCheck(char expected) => $"统一社会信用代码校验位错误（第 18 位应为“{expected}”）";

    /// <summary>Valid codes, already normalized: the public ones and the hand-computed ones of <see cref="Valid_codes_pass"/>.</summary>
    public static readonly string[] ValidCodes =
    [
        "91440300708461136T",
        "9144030071526726XG",
        "91350100M000100Y43",
        "91110000100000000R",
        "92431181MA4L12345X",
        "000000000000000000",
    ];

    public static IEnumerable<object[]> ValidCodeData => ValidCodes.Select(c => new object[] { c });

    // ---- Valid ---------------------------------------------------------------------------------

    [Theory]
    // Real, public codes.
    [InlineData("91440300708461136T", "91440300708461136T")]
    [InlineData("9144030071526726XG", "9144030071526726XG")]
    [InlineData("91350100M000100Y43", "91350100M000100Y43")]
    // Built by hand. Values: 0–9 → 0–9, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30;
    // weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
    // 91110000100000000?: 9·1 + 1·3 + 1·9 + 1·27 + 1·20 (9th) = 68; 68 mod 31 = 6; 31 − 6 = 25 → R.
    [InlineData("91110000100000000R", "91110000100000000R")]
    // 92431181MA4L12345?: 9·1 + 2·3 + 4·9 + 3·27 + 1·19 + 1·26 + 8·16 + 1·17 + M21·20 + A10·29 + 4·25 + L20·13 + 1·8 + 2·24 + 3·10 + 4·30 + 5·28
    //   = 9 + 6 + 36 + 81 + 19 + 26 + 128 + 17 + 420 + 290 + 100 + 260 + 8 + 48 + 30 + 120 + 140 = 1738; 1738 mod 31 = 2 (31·56 = 1736); 31 − 2 = 29 → X.
    [InlineData("92431181MA4L12345X", "92431181MA4L12345X")]
    // All zeros: sum 0; (31 − 0) mod 31 = 0 → '0' (the outer "% 31" keeps 31 from indexing past the code set).
    [InlineData("000000000000000000", "000000000000000000")]
    // As typed: lower case, padding, spaces inside, tabs and newlines around.
    [InlineData(" 91440300708461136t ", "91440300708461136T")]
    [InlineData("9144 0300 7084 6113 6T", "91440300708461136T")]
    [InlineData("9144030071526726xg", "9144030071526726XG")]
    [InlineData("\t91350100m000100y43\n", "91350100M000100Y43")]
    public void Valid_codes_pass(string typed, string normalized)
    {
        Assert.Equal(normalized, CreditCode.Normalize(typed));
        Assert.Null(CreditCode.Problem(typed));
        Assert.True(CreditCode.IsValid(typed));
        Assert.Equal(normalized[17], CreditCode.CheckCharacter(normalized[..17]));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    [InlineData("abc", "ABC")]
    [InlineData(" 9 1 ", "91")]
    public void Normalize_trims_removes_spaces_and_upper_cases(string? typed, string expected) =>
        Assert.Equal(expected, CreditCode.Normalize(typed));

    // ---- Invalid -------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_codes_are_refused(string? code)
    {
        Assert.Equal(Empty, CreditCode.Problem(code));
        Assert.False(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91440300708461136", 17)]
    [InlineData("91440300708461136T0", 19)]
    [InlineData("9", 1)]
    [InlineData("9144 0300 7084 6113 6", 17)] // spaces do not count
    [InlineData("91440300708461136T91440300708461136T", 36)]
    public void Codes_of_the_wrong_length_are_refused(string code, int length)
    {
        Assert.Equal(Length(length), CreditCode.Problem(code));
        Assert.False(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("I1440300708461136T", 1, 'I')]
    [InlineData("9O440300708461136T", 2, 'O')]
    [InlineData("91440300S08461136T", 9, 'S')]
    [InlineData("914403007084611Z6T", 16, 'Z')]
    [InlineData("91440300708461136V", 18, 'V')]
    [InlineData("91440300708461136z", 18, 'Z')] // shown upper-cased, as normalized
    [InlineData("91I40300708461136T", 3, 'I')]  // the code-set check comes before the 行政区划码 check
    [InlineData("9144-0300708461136", 5, '-')]
    [InlineData("91440300708461136.", 18, '.')]
    [InlineData("91440300708461136Ｔ", 18, 'Ｔ')] // a full-width T from a Chinese input method
    public void Characters_outside_the_code_set_are_refused_with_their_position(string code, int position, char c)
    {
        Assert.Equal(Forbidden(position, c), CreditCode.Problem(code));
        Assert.False(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91A40300708461136T")] // 3rd
    [InlineData("914403B0708461136T")] // 7th
    [InlineData("9144030M708461136T")] // 8th
    [InlineData("91QQQQQQ708461136T")]
    public void Positions_3_to_8_must_be_digits(string code)
    {
        Assert.Equal(AdminDivision, CreditCode.Problem(code));
        Assert.False(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91440300708461136A", 'T')]
    [InlineData("9144030071526726X0", 'G')]
    [InlineData("91350100M000100Y4Y", '3')]
    [InlineData("000000000000000001", '0')]
    [InlineData("91440300M08461136T", 'R')] // a letter in the 9th position (组织机构代码) is allowed; only the check fails
    [InlineData("91431181MA4L000001", '6')] // a code with a wrong check character
    public void A_wrong_check_character_names_the_expected_one(string code, char expected)
    {
        Assert.Equal(WrongCheck(expected), CreditCode.Problem(code));
        Assert.False(CreditCode.IsValid(code));
    }

    // ---- The check character -------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(ValidCodeData))]
    public void Exactly_one_of_the_31_characters_completes_a_code(string code)
    {
        Assert.Equal(31, CreditCode.Alphabet.Length);
        var passing = CreditCode.Alphabet.Where(c => CreditCode.IsValid(code[..17] + c)).ToList();
        Assert.Equal(code[17], Assert.Single(passing));
        foreach (var c in CreditCode.Alphabet.Where(c => c != code[17]))
            Assert.Equal(WrongCheck(code[17]), CreditCode.Problem(code[..17] + c));
    }

    /// <summary>
    /// Changing one of the first 17 characters from value a to b changes the weighted sum by (b − a)·w mod 31.
    /// 31 is prime, every weight is non-zero mod 31 and 0 &lt; |b − a| &lt; 31, so that change is never 0 mod 31:
    /// every single-character substitution changes the check character, at every position. The loop confirms it.
    /// </summary>
    [Theory]
    [MemberData(nameof(ValidCodeData))]
    public void Every_single_character_substitution_in_the_first_17_is_detected(string code)
    {
        var checkedCount = 0;
        for (var i = 0; i < 17; i++)
            foreach (var c in CreditCode.Alphabet.Where(c => c != code[i]))
            {
                var changed = code[..i] + c + code[(i + 1)..];
                Assert.False(CreditCode.IsValid(changed), $"{changed} (position {i + 1} changed to {c}) passed");
                Assert.NotEqual(code[17], CreditCode.CheckCharacter(changed[..17]));
                // A letter in positions 3–8 is caught by the 行政区划码 rule first; everything else by the check character.
                var expected = i is >= 2 and <= 7 && !char.IsAsciiDigit(c) ? AdminDivision : WrongCheck(CreditCode.CheckCharacter(changed[..17]));
                Assert.Equal(expected, CreditCode.Problem(changed));
                checkedCount++;
            }
        Assert.Equal(17 * 30, checkedCount);
    }

    [Theory]
    [InlineData("9144030070846113")]   // 16
    [InlineData("914403007084611360")] // 18
    [InlineData("")]
    public void CheckCharacter_needs_exactly_17_characters(string first17) =>
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter(first17));

    [Theory]
    [InlineData("9144030070846113I")]
    [InlineData("9144030070846113-")]
    [InlineData("9144030070846113a")] // not normalized: lower case is outside the code set
    public void CheckCharacter_refuses_characters_outside_the_code_set(string first17) =>
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter(first17));
}
