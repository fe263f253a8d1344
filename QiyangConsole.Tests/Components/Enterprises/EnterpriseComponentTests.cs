using Bunit;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Pages;
using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Components.Enterprises;

/// <summary>The contact card and the visit cards stewards read on their phones.</summary>
public class EnterpriseComponentTests : ComponentTestBase
{
    private static readonly ServiceContact[] Contacts =
    [
        new() { Department = "祁阳高新区", Name = "彭兰", Phone = "13907461218", Duty = "企业诉求受理" },
        new() { Department = "国网祁阳市供电公司", Name = "陈文莉", Phone = "18341150554" },
    ];

    [Theory]
    [InlineData("A6", false)]
    [InlineData("A5", true)]
    public void The_card_shows_the_steward_without_the_role_prefix_and_every_departments_24_hour_contact(string size, bool a5)
    {
        var card = new ContactCard(7, "湖南坤能新材料有限公司", "祁阳高新区科技工业园园区一路75号", "企业管家 陈晓", "13974671001", Contacts);

        var cut = Render<CardView>(p => p.Add(c => c.Card, card).Add(c => c.Size, size));

        var sheet = cut.Find(".card-sheet");
        Assert.Equal(a5, sheet.ClassList.Contains("a5"));
        Assert.Equal("企业管家　陈晓　13974671001", cut.Find(".card-steward").TextContent.Trim());
        var rows = cut.FindAll(".card-table tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("祁阳高新区", rows[0].TextContent);
        Assert.Contains("企业诉求受理", rows[0].TextContent);
        Assert.Contains("18341150554", rows[1].TextContent);
        Assert.Contains("湖南坤能新材料有限公司", cut.Find(".card-enterprise").TextContent);
    }

    [Fact]
    public void A_card_of_an_enterprise_without_a_steward_says_one_is_to_come()
    {
        var cut = Render<CardView>(p => p.Add(c => c.Card, new ContactCard(8, "祁阳新企业有限公司", null, null, null, Contacts)));
        Assert.Contains("待配备", cut.Find(".card-steward").TextContent);
        Assert.Empty(cut.FindAll(".card-address"));
    }

    [Fact]
    public void Visit_cards_show_the_duties_exercised_the_problem_found_and_what_it_became()
    {
        VisitRow[] visits =
        [
            new(1, 7, "湖南坤能新材料有限公司", "企业管家 陈晓", new DateOnly(2023, 5, 16), StewardDuties.Informant | StewardDuties.Safeguard, "宣讲稳岗补贴政策",
                "企业急需招聘普工 30 名", new DateOnly(2023, 6, 1), false, 12, null, 0, "s1"),
            new(2, 8, "祁阳住信电气有限公司", "企业管家 陈晓", new DateOnly(2023, 5, 10), StewardDuties.Sales, "对接本地采购", null, null, false, null, null, 0, "s1"),
        ];

        var cut = Render<VisitList>(p => p.Add(c => c.Visits, visits));

        var cards = cut.FindAll(".visit-card");
        Assert.Equal(2, cards.Count);
        var chips = cards[0].QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["信息员", "保障员", "已转企业需求"], chips);
        Assert.Contains("企业急需招聘普工 30 名", cards[0].TextContent);
        Assert.Contains("2023-06-01", cards[0].TextContent);
        Assert.DoesNotContain("发现问题", cards[1].TextContent);
        Assert.Equal(["销售员"], cards[1].QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()));
    }
}
