using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Unit;

/// <summary>
/// Lengths counted as the user sees them: a character outside the basic plane (𠀀, 𠮷, 😀) once, not as its two UTF-16 units;
/// joiners and combining marks each (so a limit also bounds what is stored); surrounding blanks not at all.
/// </summary>
public sealed class TextLimitTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("  祁阳  ", 2)]
    [InlineData("𠀀𠮷", 2)]
    [InlineData("😀", 1)]
    [InlineData("👨‍👩‍👧", 5)]          // three people joined by two zero-width joiners
    [InlineData("e\u0301", 2)]        // e and a combining acute accent
    [InlineData("<b>", 3)]
    public void Count(string? text, int expected) => Assert.Equal(expected, TextLimit.Count(text));

    [Fact]
    public void Two_hundred_rare_characters_fit_a_limit_of_200_though_dotnet_holds_them_in_400_units()
    {
        var name = string.Concat(Enumerable.Repeat("𠀀", 200));
        Assert.Equal(400, name.Length);
        Assert.Null(TextLimit.Problem(name, 200, "企业名称"));
        Assert.Equal("企业名称不能超过 200 个字", TextLimit.Problem(name + "𠀀", 200, "企业名称"));
    }

    [Theory]
    [InlineData("祁阳高新区", 3, "祁阳高")]
    [InlineData("𠀀𠀀𠀀", 2, "𠀀𠀀")]
    [InlineData("a𠀀b", 2, "a𠀀")]
    [InlineData("短", 5, "短")]
    public void Cut_never_splits_a_character(string text, int max, string expected)
    {
        var cut = TextLimit.Cut(text, max);
        Assert.Equal(expected, cut);
        Assert.False(char.IsHighSurrogate(cut[^1]));
    }
}
