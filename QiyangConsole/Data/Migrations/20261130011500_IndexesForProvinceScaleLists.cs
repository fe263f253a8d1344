using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForProvinceScaleLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_VisitedOn",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_PlanNodes_ProjectId_DueOn",
                table: "PlanNodes");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_StewardId",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Light_State",
                table: "WorkItems",
                columns: new[] { "Light", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitedOn_EnterpriseId",
                table: "Visits",
                columns: new[] { "VisitedOn", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_InvestmentWan_Stage",
                table: "Projects",
                columns: new[] { "InvestmentWan", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_LandedOn_InvestmentWan",
                table: "Projects",
                columns: new[] { "LandedOn", "InvestmentWan" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SignedOn_InvestmentWan",
                table: "Projects",
                columns: new[] { "SignedOn", "InvestmentWan" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_RaisedOn_ResolvedOn",
                table: "Problems",
                columns: new[] { "RaisedOn", "ResolvedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanNodes_DoneOn_DueOn_ProjectId",
                table: "PlanNodes",
                columns: new[] { "DoneOn", "DueOn", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanNodes_ProjectId_DoneOn_DueOn",
                table: "PlanNodes",
                columns: new[] { "ProjectId", "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_StewardId_IsAboveSize",
                table: "Enterprises",
                columns: new[] { "StewardId", "IsAboveSize" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_CalledOn_Rating",
                table: "Callbacks",
                columns: new[] { "CalledOn", "Rating" });

            // The project register's default order (ProjectService: SignedOn ?? NegotiatingOn, newest first, then Id), alone
            // and after each equality filter: expression indexes, which the EF model cannot describe, so that a page of 50 is
            // read in order instead of sorting every matching project. ProjectRegisterScaleTests checks that they are used.
            foreach (var (name, first) in ListedOnIndexes)
                migrationBuilder.Sql($"CREATE INDEX \"{name}\" ON \"Projects\" ({first}COALESCE(\"SignedOn\", \"NegotiatingOn\"), \"Id\");");
        }

        private static readonly (string Name, string First)[] ListedOnIndexes =
        [
            ("IX_Projects_ListedOn", ""),
            ("IX_Projects_Stage_ListedOn", "\"Stage\", "),
            ("IX_Projects_Industry_ListedOn", "\"Industry\", "),
            ("IX_Projects_OriginRegion_ListedOn", "\"OriginRegion\", "),
            ("IX_Projects_InvestorType_ListedOn", "\"InvestorType\", "),
            ("IX_Projects_ContactLeaderId_ListedOn", "\"ContactLeaderId\", "),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in ListedOnIndexes) migrationBuilder.Sql($"DROP INDEX \"{name}\";");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Light_State",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_Visits_VisitedOn_EnterpriseId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Projects_InvestmentWan_Stage",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_LandedOn_InvestmentWan",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_SignedOn_InvestmentWan",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Problems_RaisedOn_ResolvedOn",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_PlanNodes_DoneOn_DueOn_ProjectId",
                table: "PlanNodes");

            migrationBuilder.DropIndex(
                name: "IX_PlanNodes_ProjectId_DoneOn_DueOn",
                table: "PlanNodes");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_StewardId_IsAboveSize",
                table: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_Callbacks_CalledOn_Rating",
                table: "Callbacks");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitedOn",
                table: "Visits",
                column: "VisitedOn");

            migrationBuilder.CreateIndex(
                name: "IX_PlanNodes_ProjectId_DueOn",
                table: "PlanNodes",
                columns: new[] { "ProjectId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_StewardId",
                table: "Enterprises",
                column: "StewardId");
        }
    }
}
