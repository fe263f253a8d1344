using QiyangConsole.Infrastructure;
using System.Text.RegularExpressions;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>The checks on an enterprise's fields, shared by the form and the Excel import.</summary>
public static partial class EnterpriseChecks
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    /// <summary>Null when the record may be saved; else the first problem, naming the field.</summary>
    public static string? Problem(EnterpriseEdit e, IReadOnlyCollection<string> industries, IReadOnlyCollection<string> zones) =>
        Problems(e, industries, zones).Select(p => p.Reason).FirstOrDefault();

    /// <summary>Every problem with the field it concerns (the import reports them all).</summary>
    public static IEnumerable<(string Field, string Reason)> Problems(EnterpriseEdit e, IReadOnlyCollection<string> industries, IReadOnlyCollection<string> zones)
    {
        var name = e.Name?.Trim() ?? "";
        if (name.Length == 0) yield return ("企业名称", "企业名称不能为空");
        else if (TextLimit.Problem(name, 200, "企业名称") is { } longName) yield return ("企业名称", longName);
        if (CreditCode.Problem(e.CreditCode) is { } code) yield return ("统一社会信用代码", code);
        if (string.IsNullOrWhiteSpace(e.Industry)) yield return ("行业", "请选择行业");
        else if (!industries.Contains(e.Industry.Trim())) yield return ("行业", $"行业“{e.Industry.Trim()}”不在行业字典中");
        if (!string.IsNullOrWhiteSpace(e.Zone) && zones.Count > 0 && !zones.Contains(e.Zone.Trim())) yield return ("所在园区", $"园区“{e.Zone.Trim()}”不在园区字典中");
        if (TextLimit.Problem(e.Address, 200, "地址") is { } address) yield return ("地址", address);
        if (TextLimit.Problem(e.ContactPerson, 50, "联系人") is { } person) yield return ("联系人", person);
        if (!string.IsNullOrWhiteSpace(e.ContactPhone) && !PhonePattern().IsMatch(e.ContactPhone.Trim())) yield return ("联系电话", $"联系电话“{e.ContactPhone.Trim()}”应为 11 位手机号或带区号的固定电话");
    }

    public static void Apply(EnterpriseEdit e, Enterprise entity)
    {
        entity.Name = e.Name!.Trim();
        entity.CreditCode = CreditCode.Normalize(e.CreditCode);
        entity.Industry = e.Industry!.Trim();
        entity.IsAboveSize = e.IsAboveSize;
        entity.Address = Blank(e.Address);
        entity.ContactPerson = Blank(e.ContactPerson);
        entity.ContactPhone = Blank(e.ContactPhone);
        entity.Zone = Blank(e.Zone);
    }

    /// <summary>Refuses text longer than <paramref name="max"/> characters, naming the field.</summary>
    public static void Limit(string? text, int max, string field) => Infrastructure.DomainException.ThrowIf(TextLimit.Problem(text, max, field));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
