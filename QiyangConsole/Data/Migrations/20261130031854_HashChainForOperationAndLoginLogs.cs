using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class HashChainForOperationAndLoginLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "LoginRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "LoginRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LogChainStates",
                columns: table => new
                {
                    Table = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    TipHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnchorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnchorHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PurgedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogChainStates", x => x.Table);
                });

            migrationBuilder.InsertData(
                table: "LogChainStates",
                columns: new[] { "Table", "AnchorHash", "AnchorId", "PurgedAt", "TipHash", "TipId" },
                values: new object[,]
                {
                    { "AuditEntries", "0000000000000000000000000000000000000000000000000000000000000000", 0L, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { "LoginRecords", "0000000000000000000000000000000000000000000000000000000000000000", 0L, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LogChainStates");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "LoginRecords");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "LoginRecords");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "AuditEntries");
        }
    }
}
