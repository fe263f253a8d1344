using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>服务联系卡: a department, a contact and a 24-hour phone, each within its length; the service is optional.</summary>
public static class ContactCardRules
{
    public static string? Problem(string? department, string? name, string? phone, string? duty)
    {
        if (string.IsNullOrWhiteSpace(department)) return "请填写部门";
        if (string.IsNullOrWhiteSpace(name)) return "请填写联系人";
        if (string.IsNullOrWhiteSpace(phone)) return "请填写 24 小时联系电话";
        return TextLimit.Problem(department, 50, "部门") ?? TextLimit.Problem(name, 30, "联系人") ?? TextLimit.Problem(phone, 30, "联系电话") ?? TextLimit.Problem(duty, 100, "服务内容");
    }
}
