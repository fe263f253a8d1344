using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkItemCoUnitsAsJoinTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkItemCoUnits",
                columns: table => new
                {
                    WorkItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemCoUnits", x => new { x.WorkItemId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_WorkItemCoUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItemCoUnits_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemCoUnits_UnitId",
                table: "WorkItemCoUnits",
                column: "UnitId");

            // Each id of the comma list becomes a row; an id that names no unit is dropped.
            migrationBuilder.Sql("""
                WITH RECURSIVE split("WorkItemId", "Item", "Rest") AS (
                    SELECT "Id", NULL, "CoUnitIds" || ',' FROM "WorkItems"
                    UNION ALL
                    SELECT "WorkItemId", trim(substr("Rest", 1, instr("Rest", ',') - 1)), substr("Rest", instr("Rest", ',') + 1)
                    FROM split WHERE "Rest" <> ''
                )
                INSERT OR IGNORE INTO "WorkItemCoUnits" ("WorkItemId", "UnitId")
                SELECT "WorkItemId", CAST("Item" AS INTEGER) FROM split
                WHERE "Item" <> '' AND CAST("Item" AS INTEGER) IN (SELECT "Id" FROM "Units");
                """);

            migrationBuilder.DropColumn(
                name: "CoUnitIds",
                table: "WorkItems");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoUnitIds",
                table: "WorkItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "WorkItems" SET "CoUnitIds" = coalesce((
                    SELECT group_concat("UnitId", ',') FROM (
                        SELECT "UnitId" FROM "WorkItemCoUnits" WHERE "WorkItemId" = "WorkItems"."Id" ORDER BY "UnitId")), '');
                """);

            migrationBuilder.DropTable(
                name: "WorkItemCoUnits");
        }
    }
}
