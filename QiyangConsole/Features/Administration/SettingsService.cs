using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

/// <summary>Dictionaries (字典) and parameters (参数) the areas read and the Office edits.</summary>
public sealed class SettingsService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public static readonly IReadOnlyDictionary<string, string> DictionaryTypes = new Dictionary<string, string>
    {
        ["industry"] = "行业",
        ["region"] = "来源地区",
        ["investor-type"] = "投资方类型",
        ["problem-category"] = "问题类别",
        ["work-source"] = "重点工作来源",
        ["need-type"] = "个性需求类型",
        ["park-zone"] = "所在园区",
    };

    public async Task<List<string>> LabelsAsync(string type)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.DictionaryItems.Where(d => d.Type == type && d.IsEnabled).OrderBy(d => d.SortOrder).Select(d => d.Label).ToListAsync();
    }

    public async Task<List<DictionaryItem>> ItemsAsync(string type)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.DictionaryItems.AsNoTracking().Where(d => d.Type == type).OrderBy(d => d.SortOrder).ToListAsync();
    }

    public async Task SaveItemAsync(DictionaryItem item)
    {
        user.Require(Access.SystemAdmin);
        var label = item.Label?.Trim() ?? "";
        DomainException.ThrowIf(DictionaryRules.ItemProblem(label, item.Type, DictionaryTypes.Keys));
        await using var db = await factory.CreateDbContextAsync();
        if (await db.DictionaryItems.AnyAsync(d => d.Type == item.Type && d.Label == label && d.Id != item.Id))
            throw new DomainException($"字典项“{label}”已存在");
        var entity = item.Id == 0 ? db.DictionaryItems.Add(new DictionaryItem { Type = item.Type, Label = label }).Entity
            : await db.DictionaryItems.FindAsync(item.Id) ?? throw new DomainException(DomainException.Conflict);
        if (item.Id != 0) db.ExpectVersion(entity, item.Version);
        entity.Label = label;
        entity.SortOrder = item.SortOrder;
        entity.IsEnabled = item.IsEnabled;
        await db.SaveOrConflictAsync();
    }

    public async Task<List<SystemParameter>> ParametersAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Parameters.AsNoTracking().OrderBy(p => p.Key).ToListAsync();
    }

    public async Task<string?> ParameterAsync(string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Parameters.Where(p => p.Key == key).Select(p => p.Value).FirstOrDefaultAsync();
    }

    public async Task<int> IntAsync(string key, int fallback) =>
        int.TryParse(await ParameterAsync(key), out var v) ? v : fallback;

    public async Task<decimal> DecimalAsync(string key, decimal fallback) =>
        decimal.TryParse(await ParameterAsync(key), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    public async Task SaveParameterAsync(string key, string? value, int version)
    {
        user.Require(Access.SystemAdmin);
        await using var db = await factory.CreateDbContextAsync();
        var p = await db.Parameters.FindAsync(key) ?? throw new DomainException("参数不存在");
        value = value?.Trim() ?? "";
        DomainException.ThrowIf(ParameterRules.Check(p, value));
        db.ExpectVersion(p, version);
        p.Value = value;
        await db.SaveOrConflictAsync();
    }

}

/// <summary>What a parameter's value may be, named by its key's suffix.</summary>
public static class ParameterRules
{
    public const int MaxLength = 200;
    public const int MaxDays = 3650;

    /// <summary>Floors that a rule outside the console sets.</summary>
    private static readonly Dictionary<string, (int Value, string Why)> Minimums = new()
    {
        [LogRetentionJob.RetentionKey] = (LogRetentionJob.MinimumDays, "等保 2.0 要求审计记录至少保存 6 个月"),
    };

    public static string? Check(SystemParameter p, string value)
    {
        if (value.Length == 0) return $"参数“{p.Name}”不能为空";
        if (TextLimit.Count(value) > MaxLength) return $"参数“{p.Name}”不能超过 {MaxLength} 个字";
        if (p.Key.EndsWith("Days") || p.Key.EndsWith("Count") || p.Key.EndsWith("Percent"))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return $"参数“{p.Name}”应为不小于 0 的整数";
            if (p.Key.EndsWith("Percent") && n > 100) return $"参数“{p.Name}”应在 0 至 100 之间";
            if (Minimums.TryGetValue(p.Key, out var min) && n < min.Value) return $"参数“{p.Name}”不能小于 {min.Value}（{min.Why}）";
            // Ten years of days: beyond it a deadline leaves any calendar the console can hold.
            if (p.Key.EndsWith("Days") && n > MaxDays) return $"参数“{p.Name}”应在 0 至 {MaxDays} 之间";
        }
        // 机关代字 precedes 〔year〕N号 in a 发文字号: a few characters, no spaces, brackets or digits of its own.
        if (p.Key.EndsWith("Code") && (TextLimit.Count(value) > 10 || value.Any(c => char.IsWhiteSpace(c) || char.IsDigit(c) || "〔〕[]()（）【】".Contains(c))))
            return $"参数“{p.Name}”应为 1 至 10 个字，不含空格、数字或括号";
        if (p.Key.EndsWith("Mode") && value is not ("count" or "percent")) return $"参数“{p.Name}”只能是 count 或 percent";
        if (p.Key.EndsWith("Target") && (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) || t <= 0 || t > 1))
            return $"参数“{p.Name}”应为 0 至 1 之间的小数";
        return null;
    }
}
