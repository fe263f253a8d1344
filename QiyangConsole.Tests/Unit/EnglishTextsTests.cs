using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QiyangConsole.Tests.Unit;

/// <summary>English texts of terms from the source, read through the same localizer the pages use (Resources/SharedResource.en.resx).</summary>
public sealed class EnglishTextsTests
{
    [Theory]
    [InlineData("分类交办", "Assign by category")]
    [InlineData("督办反馈", "Supervision feedback")]
    [InlineData("主要负责人", "Head of unit")]
    [InlineData("优化发展环境工作专班", "Task Force for Optimising the Development Environment")]
    [InlineData("导出 Word", "Export Word")]
    [InlineData("导出 Excel", "Export Excel")]
    public void The_english_switch_names_the_term_as_the_office_does(string chinese, string english)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var text = localizer[chinese];
            Assert.False(text.ResourceNotFound, chinese);
            Assert.Equal(english, text.Value);
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(chinese, localizer[chinese].Value);   // Chinese stays the default
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
