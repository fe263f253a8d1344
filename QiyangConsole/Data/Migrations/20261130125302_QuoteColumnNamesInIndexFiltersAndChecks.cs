using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuoteColumnNamesInIndexFiltersAndChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks");

            migrationBuilder.DropIndex(
                name: "IX_CadreLinks_EnterpriseId_CadreId",
                table: "CadreLinks");

            migrationBuilder.DropIndex(
                name: "IX_CadreLinks_ProjectId_CadreId",
                table: "CadreLinks");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CadreLink_OneTarget",
                table: "CadreLinks");

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks",
                column: "HelpMatterId",
                unique: true,
                filter: "\"HelpMatterId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CadreLinks_EnterpriseId_CadreId",
                table: "CadreLinks",
                columns: new[] { "EnterpriseId", "CadreId" },
                unique: true,
                filter: "\"EnterpriseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CadreLinks_ProjectId_CadreId",
                table: "CadreLinks",
                columns: new[] { "ProjectId", "CadreId" },
                unique: true,
                filter: "\"ProjectId\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_CadreLink_OneTarget",
                table: "CadreLinks",
                sql: "(\"EnterpriseId\" IS NULL) <> (\"ProjectId\" IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks");

            migrationBuilder.DropIndex(
                name: "IX_CadreLinks_EnterpriseId_CadreId",
                table: "CadreLinks");

            migrationBuilder.DropIndex(
                name: "IX_CadreLinks_ProjectId_CadreId",
                table: "CadreLinks");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CadreLink_OneTarget",
                table: "CadreLinks");

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks",
                column: "HelpMatterId",
                unique: true,
                filter: "HelpMatterId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CadreLinks_EnterpriseId_CadreId",
                table: "CadreLinks",
                columns: new[] { "EnterpriseId", "CadreId" },
                unique: true,
                filter: "EnterpriseId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CadreLinks_ProjectId_CadreId",
                table: "CadreLinks",
                columns: new[] { "ProjectId", "CadreId" },
                unique: true,
                filter: "ProjectId IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_CadreLink_OneTarget",
                table: "CadreLinks",
                sql: "(EnterpriseId IS NULL) <> (ProjectId IS NULL)");
        }
    }
}
