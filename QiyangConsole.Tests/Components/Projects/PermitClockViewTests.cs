using Bunit;
using Microsoft.AspNetCore.Components;
using QiyangConsole.Features.Projects.Pages;
using QiyangConsole.Features.Projects.Rules;

namespace QiyangConsole.Tests.Components.Projects;

/// <summary>拿地即开工: one row per permit, green when within its limit, and the verdict below.</summary>
public class PermitClockViewTests : ComponentTestBase
{
    private static readonly DateOnly Land = new(2023, 3, 6);

    [Fact]
    public void Achieved_steps_are_all_on_time_and_the_result_says_achieved()
    {
        // 湖南坤能: one working day a step.
        IReadOnlyList<ClockStep> steps =
        [
            new("不动产权证", Land, new DateOnly(2023, 3, 7), 1, 1),
            new("建设用地规划许可证", new DateOnly(2023, 3, 7), new DateOnly(2023, 3, 8), 1, 2),
            new("建设工程规划许可证", new DateOnly(2023, 3, 7), new DateOnly(2023, 3, 8), 1, 2),
            new("施工许可证", new DateOnly(2023, 3, 8), new DateOnly(2023, 3, 9), 1, 1),
        ];

        var cut = RenderClock(steps, achieved: true);

        var ok = cut.FindAll("tr.clock-ok");
        Assert.Equal(4, ok.Count);
        Assert.Empty(cut.FindAll("tr.clock-late"));
        Assert.Empty(cut.FindAll("tr.clock-pending"));
        for (var i = 0; i < steps.Count; i++)
        {
            Assert.Contains(steps[i].Name, ok[i].TextContent);
            Assert.Contains("1", ok[i].TextContent);
            Assert.Contains(steps[i].Limit.ToString(), ok[i].TextContent);
        }
        var result = cut.Find("#clock-result").TextContent;
        Assert.Contains("已实现拿地即开工", result);
        Assert.DoesNotContain("未实现", result);
    }

    [Fact]
    public void A_late_step_is_marked_late_and_the_result_says_not_achieved()
    {
        // The certificate took four working days against a limit of one.
        IReadOnlyList<ClockStep> steps =
        [
            new("不动产权证", Land, new DateOnly(2023, 3, 10), 4, 1),
            new("建设用地规划许可证", new DateOnly(2023, 3, 10), new DateOnly(2023, 3, 13), 1, 2),
            new("建设工程规划许可证", new DateOnly(2023, 3, 10), new DateOnly(2023, 3, 13), 1, 2),
            new("施工许可证", new DateOnly(2023, 3, 13), new DateOnly(2023, 3, 14), 1, 1),
        ];
        Assert.False(PermitClock.Achieved(steps));

        var cut = RenderClock(steps, achieved: false);

        var late = Assert.Single(cut.FindAll("tr.clock-late"));
        Assert.Contains("不动产权证", late.TextContent);
        Assert.Contains("4", late.TextContent);
        var ok = cut.FindAll("tr.clock-ok");
        Assert.Equal(3, ok.Count);
        Assert.DoesNotContain(ok, r => r.TextContent.Contains("不动产权证"));
        Assert.Empty(cut.FindAll("tr.clock-pending"));
        var result = cut.Find("#clock-result").TextContent;
        Assert.Contains("未实现", result);
        Assert.DoesNotContain("已实现拿地即开工", result);
    }

    private IRenderedComponent<PermitClockView> RenderClock(IReadOnlyList<ClockStep> steps, bool achieved)
    {
        SetRendererInfo(new RendererInfo("Server", true));
        return Render<PermitClockView>(p => p
            .Add(x => x.Steps, steps)
            .Add(x => x.Achieved, achieved));
    }
}
