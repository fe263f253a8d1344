namespace QiyangConsole.Infrastructure;

/// <summary>A refusal the user can act on; the message is shown as is (Chinese).</summary>
public class DomainException(string message) : Exception(message)
{
    public const string Conflict = "数据已被他人修改，请刷新后重试";
    public const string Forbidden = "无权访问";
}
