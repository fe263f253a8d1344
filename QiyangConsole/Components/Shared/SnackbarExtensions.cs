using MudBlazor;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Components.Shared;

public static class SnackbarExtensions
{
    /// <summary>Runs a user action: a refusal shows its Chinese message, success shows <paramref name="success"/>.</summary>
    public static async Task<bool> RunAsync(this ISnackbar snackbar, Func<Task> action, string? success = "保存成功")
    {
        try
        {
            await action();
            if (success is not null) snackbar.Add(success, Severity.Success);
            return true;
        }
        catch (Exception ex) when (ex is DomainException or CalendarMissingException)
        {
            snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }
}
