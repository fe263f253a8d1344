namespace QiyangConsole.Features.Evaluation.Rules;

/// <summary>发文字号 per GB/T 9704: the full year in 〔〕 and the number without leading zeros, e.g. 〔2023〕5号.</summary>
public static class CircularNumber
{
    public static string Format(int year, int number) => $"〔{year}〕{number}号";
}
