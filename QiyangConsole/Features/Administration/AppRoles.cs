using System.Security.Claims;

namespace QiyangConsole.Features.Administration;

public enum DataScope { All, OwnUnitAndBelow, OwnRecords }

public static class AppClaims
{
    public const string DisplayName = "qy:display_name";
    public const string UnitId = "qy:unit_id";
    public const string UnitName = "qy:unit_name";
}

/// <summary>The five roles of the brief, with the data scope each one sees.</summary>
public static class AppRoles
{
    public const string Office = "Office";
    public const string Leader = "Leader";
    public const string Unit = "Unit";
    public const string Steward = "Steward";
    public const string Viewer = "Viewer";

    public const string OfficeOrLeader = Office + "," + Leader;

    public static readonly IReadOnlyList<string> All = [Office, Leader, Unit, Steward, Viewer];

    public static string DisplayName(string role) => role switch
    {
        Office => "专班办公室",
        Leader => "市级领导",
        Unit => "责任单位联络员",
        Steward => "企业管家",
        Viewer => "只读",
        _ => role,
    };

    public static DataScope ScopeOf(string role) => role switch
    {
        Unit => DataScope.OwnUnitAndBelow,
        Steward => DataScope.OwnRecords,
        _ => DataScope.All,
    };

    /// <summary>The widest scope among the user's roles.</summary>
    public static DataScope ScopeOf(ClaimsPrincipal user) =>
        All.Where(user.IsInRole).Select(ScopeOf).DefaultIfEmpty(DataScope.OwnRecords).Min();

}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class DataScopeNames
{
    public static string Name(this DataScope scope) => scope switch
    {
        DataScope.All => "全部数据",
        DataScope.OwnUnitAndBelow => "本单位及下级",
        _ => "仅本人数据",
    };
}
