using QiyangConsole.Data;

namespace QiyangConsole.Features.Administration;

/// <summary>考核组别: units are ranked within their group.</summary>
public class UnitGroup : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>单位: a node of the unit tree; evaluated units carry a group.</summary>
public class Unit : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public int? GroupId { get; set; }
    public UnitGroup? Group { get; set; }
    public string? HeadName { get; set; }
    public string? Phone { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
