using Bunit;
using MudBlazor;
using QiyangConsole.Components.Shared;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Tests.Components.Shared;

/// <summary>The unit pick list of the board and the project register: thousands of units cost nothing while it is closed.</summary>
public class UnitSelectTests : ComponentTestBase
{
    private static readonly UnitRow[] Units =
    [
        new(3, "市直单位", null, 1, 1, null, null, null, null, true, 3, 0, 0),
        new(7, "市自然资源局", null, 3, 2, 1, "市直单位", null, null, true, 7, 0, 2),
        new(8, "市住房和城乡建设局", null, 3, 2, 1, "市直单位", null, null, true, 8, 0, 1),
    ];

    [Fact]
    public async Task Closed_it_builds_no_item_and_shows_the_chosen_units_name_opened_it_lists_every_unit_indented()
    {
        int? chosen = 7;
        var cut = Render<UnitSelect>(p => p.Add(c => c.Label, "牵头单位").Add(c => c.Units, Units).Add(c => c.Value, chosen)
            .Add(c => c.ValueChanged, v => chosen = v).Add(c => c.Indented, true));

        Assert.Empty(cut.FindComponents<MudSelectItem<int?>>());
        Assert.Equal("市自然资源局", cut.Find("input").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.OpenMenu());
        var items = cut.FindComponents<MudSelectItem<int?>>();
        Assert.Equal([3, 7, 8], items.Select(i => i.Instance.Value!.Value));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)8));
        Assert.Equal(8, chosen);
    }
}
