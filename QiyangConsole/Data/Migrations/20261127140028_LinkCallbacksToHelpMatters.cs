using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkCallbacksToHelpMatters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HelpMatterId",
                table: "Callbacks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks",
                column: "HelpMatterId",
                unique: true,
                filter: "HelpMatterId IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Callbacks_HelpMatters_HelpMatterId",
                table: "Callbacks",
                column: "HelpMatterId",
                principalTable: "HelpMatters",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Callbacks_HelpMatters_HelpMatterId",
                table: "Callbacks");

            migrationBuilder.DropIndex(
                name: "IX_Callbacks_HelpMatterId",
                table: "Callbacks");

            migrationBuilder.DropColumn(
                name: "HelpMatterId",
                table: "Callbacks");
        }
    }
}
