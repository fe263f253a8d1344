namespace QiyangConsole.Features.Projects.Pages;

/// <summary>MudDatePicker works on DateTime?; the project's dates are DateOnly.</summary>
internal static class PickerDate
{
    public static DateTime? ToPicker(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);
    public static DateOnly? FromPicker(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
}
