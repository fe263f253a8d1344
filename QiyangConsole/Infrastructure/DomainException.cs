namespace QiyangConsole.Infrastructure;

/// <summary>A refusal the user can act on; the message is shown as is (Chinese).</summary>
public class DomainException(string message) : Exception(message)
{
    public const string Conflict = "数据已被他人修改，请刷新后重试";
    public const string Forbidden = "无权访问";

    /// <summary>Refuses with the problem a rule returned; does nothing when the rule found none.</summary>
    public static void ThrowIf(string? problem)
    {
        if (problem is not null) throw new DomainException(problem);
    }
}
