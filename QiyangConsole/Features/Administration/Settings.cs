using QiyangConsole.Data;

namespace QiyangConsole.Features.Administration;

/// <summary>字典项: the lists the areas pick from (industries, regions, problem categories …).</summary>
public class DictionaryItem : IVersioned
{
    public int Id { get; set; }
    public required string Type { get; set; }
    public required string Label { get; set; }
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>系统参数: a named setting with a typed value kept as text.</summary>
public class SystemParameter : IVersioned
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
}
