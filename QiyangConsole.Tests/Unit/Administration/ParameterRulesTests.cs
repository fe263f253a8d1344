using System.Text.Json;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Tests.Unit.Administration;

public sealed class ParameterRulesTests
{
    /// <summary>The seeded parameters (seeds/system/parameters.json): key → display name.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["warning.yellowDays"] = "黄灯提前工作日数",
        ["evaluation.laggingMode"] = "后进单位判定方式",
        ["evaluation.laggingCount"] = "每组后进单位数",
        ["evaluation.laggingPercent"] = "每组后进单位比例(%)",
        ["permit.certificateDays"] = "不动产权证时限(工作日)",
        ["permit.planningDays"] = "规划许可时限(工作日)",
        ["permit.constructionDays"] = "施工许可时限(工作日)",
        ["rating.rectificationDays"] = "差评整改时限(工作日)",
        ["steward.visitOverdueDays"] = "走访提醒天数",
        ["leader.engagementTarget"] = "领导精力投入目标",
        ["security.logRetentionDays"] = "日志保留天数",
        ["circular.issuerCode"] = "发文机关代字",
        ["site.notice"] = "首页提示语", // no rule suffix: any non-empty text
    };

    [Theory]
    // …Days
    [InlineData("warning.yellowDays", "0")]
    [InlineData("warning.yellowDays", "3")]
    [InlineData("rating.rectificationDays", "15")]
    [InlineData("steward.visitOverdueDays", "365")]
    [InlineData("security.logRetentionDays", "180")]
    [InlineData("security.logRetentionDays", "3650")]
    // …Count
    [InlineData("evaluation.laggingCount", "0")]
    [InlineData("evaluation.laggingCount", "2")]
    // …Percent
    [InlineData("evaluation.laggingPercent", "0")]
    [InlineData("evaluation.laggingPercent", "10")]
    [InlineData("evaluation.laggingPercent", "100")]
    // …Mode
    [InlineData("evaluation.laggingMode", "count")]
    [InlineData("evaluation.laggingMode", "percent")]
    // …Target
    [InlineData("leader.engagementTarget", "0.3333")]
    [InlineData("leader.engagementTarget", "0.5")]
    [InlineData("leader.engagementTarget", "1")]
    [InlineData("leader.engagementTarget", "0.01")]
    // …Code
    [InlineData("circular.issuerCode", "祁优专")]
    [InlineData("circular.issuerCode", "祁政办发")]
    // no suffix
    [InlineData("site.notice", "欢迎使用")]
    [InlineData("site.notice", "abc")]
    public void Valid_values_pass(string key, string value) =>
        Assert.Null(ParameterRules.Check(Parameter(key), value));

    [Theory]
    // empty, whatever the key
    [InlineData("warning.yellowDays", "", "不能为空")]
    [InlineData("evaluation.laggingMode", "", "不能为空")]
    [InlineData("leader.engagementTarget", "", "不能为空")]
    [InlineData("site.notice", "", "不能为空")]
    // …Days
    [InlineData("warning.yellowDays", "-1", "应为不小于 0 的整数")]
    [InlineData("permit.certificateDays", "1.5", "应为不小于 0 的整数")]
    [InlineData("permit.planningDays", "两", "应为不小于 0 的整数")]
    [InlineData("permit.constructionDays", "1天", "应为不小于 0 的整数")]
    [InlineData("rating.rectificationDays", "99999999999", "应为不小于 0 的整数")]
    // a floor set by 等保 2.0
    [InlineData("security.logRetentionDays", "179", "不能小于 180（等保 2.0 要求审计记录至少保存 6 个月）")]
    [InlineData("security.logRetentionDays", "0", "不能小于 180（等保 2.0 要求审计记录至少保存 6 个月）")]
    [InlineData("security.logRetentionDays", "-180", "应为不小于 0 的整数")]
    [InlineData("security.logRetentionDays", "半年", "应为不小于 0 的整数")]
    // …Count
    [InlineData("evaluation.laggingCount", "-2", "应为不小于 0 的整数")]
    [InlineData("evaluation.laggingCount", "abc", "应为不小于 0 的整数")]
    // …Percent
    [InlineData("evaluation.laggingPercent", "101", "应在 0 至 100 之间")]
    [InlineData("evaluation.laggingPercent", "-1", "应为不小于 0 的整数")]
    [InlineData("evaluation.laggingPercent", "10%", "应为不小于 0 的整数")]
    [InlineData("evaluation.laggingPercent", "12.5", "应为不小于 0 的整数")]
    // …Mode
    [InlineData("evaluation.laggingMode", "Count", "只能是 count 或 percent")]
    [InlineData("evaluation.laggingMode", "ratio", "只能是 count 或 percent")]
    [InlineData("evaluation.laggingMode", "百分比", "只能是 count 或 percent")]
    // …Target
    [InlineData("leader.engagementTarget", "0", "应为 0 至 1 之间的小数")]
    [InlineData("leader.engagementTarget", "-0.2", "应为 0 至 1 之间的小数")]
    [InlineData("leader.engagementTarget", "1.01", "应为 0 至 1 之间的小数")]
    [InlineData("leader.engagementTarget", "33%", "应为 0 至 1 之间的小数")]
    [InlineData("leader.engagementTarget", "1/3", "应为 0 至 1 之间的小数")]
    [InlineData("leader.engagementTarget", "abc", "应为 0 至 1 之间的小数")]
    // …Code
    [InlineData("circular.issuerCode", "祁 优专", "应为 1 至 10 个字，不含空格、数字或括号")]
    [InlineData("circular.issuerCode", "祁优专〔2023〕", "应为 1 至 10 个字，不含空格、数字或括号")]
    [InlineData("circular.issuerCode", "祁优专2", "应为 1 至 10 个字，不含空格、数字或括号")]
    [InlineData("circular.issuerCode", "祁阳市打好优化发展环境持久仗", "应为 1 至 10 个字，不含空格、数字或括号")]
    public void Invalid_values_are_refused_naming_the_parameter(string key, string value, string problem)
    {
        var name = Names[key];
        var error = ParameterRules.Check(Parameter(key), value);

        Assert.NotNull(error);
        Assert.Contains(name, error);
        Assert.Equal($"参数“{name}”{problem}", error);
    }

    [Fact]
    public void Every_seeded_value_passes_its_own_rule()
    {
        var json = File.ReadAllText(FindSeed("parameters.json"));
        var parameters = JsonSerializer.Deserialize<List<SystemParameter>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("seeds/system/parameters.json is empty");

        Assert.NotEmpty(parameters);
        Assert.Empty(parameters
            .Select(p => (p.Key, Error: ParameterRules.Check(p, p.Value)))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Key}: {r.Error}"));
    }

    private static SystemParameter Parameter(string key) => new() { Key = key, Name = Names[key], Value = "" };

    /// <summary>Walks up from the test binaries (QiyangConsole.Tests/bin/Debug/net10.0/) to the folder holding seeds/system/.</summary>
    private static string FindSeed(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", "system", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"seeds/system/{name} not found above {AppContext.BaseDirectory}");
    }
}
