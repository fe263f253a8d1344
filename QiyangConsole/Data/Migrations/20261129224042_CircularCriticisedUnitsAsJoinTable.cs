using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class CircularCriticisedUnitsAsJoinTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CircularCriticisedUnits",
                columns: table => new
                {
                    CircularId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularCriticisedUnits", x => new { x.CircularId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_CircularCriticisedUnits_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CircularCriticisedUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CircularCriticisedUnits_UnitId",
                table: "CircularCriticisedUnits",
                column: "UnitId");

            // Each id of the comma list becomes a row, in the list's order; an id that names no unit is dropped.
            migrationBuilder.Sql("""
                WITH RECURSIVE split("CircularId", "Position", "Item", "Rest") AS (
                    SELECT "Id", -1, NULL, "CriticisedUnitIds" || ',' FROM "Circulars"
                    UNION ALL
                    SELECT "CircularId", "Position" + 1, trim(substr("Rest", 1, instr("Rest", ',') - 1)), substr("Rest", instr("Rest", ',') + 1)
                    FROM split WHERE "Rest" <> ''
                )
                INSERT OR IGNORE INTO "CircularCriticisedUnits" ("CircularId", "UnitId", "Position")
                SELECT "CircularId", CAST("Item" AS INTEGER), "Position" FROM split
                WHERE "Item" <> '' AND CAST("Item" AS INTEGER) IN (SELECT "Id" FROM "Units");
                """);

            migrationBuilder.DropColumn(
                name: "CriticisedUnitIds",
                table: "Circulars");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CriticisedUnitIds",
                table: "Circulars",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "Circulars" SET "CriticisedUnitIds" = coalesce((
                    SELECT group_concat("UnitId", ',') FROM (
                        SELECT "UnitId" FROM "CircularCriticisedUnits" WHERE "CircularId" = "Circulars"."Id" ORDER BY "Position")), '');
                """);

            migrationBuilder.DropTable(
                name: "CircularCriticisedUnits");
        }
    }
}
