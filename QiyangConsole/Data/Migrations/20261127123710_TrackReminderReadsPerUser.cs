using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrackReminderReadsPerUser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reminders_UnitId_IsRead",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "IsRead",
                table: "Reminders");

            migrationBuilder.CreateTable(
                name: "ReminderReads",
                columns: table => new
                {
                    ReminderId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderReads", x => new { x.ReminderId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ReminderReads_Reminders_ReminderId",
                        column: x => x.ReminderId,
                        principalTable: "Reminders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_UnitId",
                table: "Reminders",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderReads");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_UnitId",
                table: "Reminders");

            migrationBuilder.AddColumn<bool>(
                name: "IsRead",
                table: "Reminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_UnitId_IsRead",
                table: "Reminders",
                columns: new[] { "UnitId", "IsRead" });
        }
    }
}
