using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QiyangConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddEnterpriseStewardsVisitsHelpMattersAndCadreLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EnterpriseId",
                table: "Problems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "ProjectId",
                table: "EnterpriseNeeds",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "EnterpriseId",
                table: "EnterpriseNeeds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cadres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Post = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cadres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cadres_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", nullable: false),
                    IsAboveSize = table.Column<bool>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    Zone = table.Column<string>(type: "TEXT", nullable: true),
                    StewardId = table.Column<string>(type: "TEXT", nullable: true),
                    StewardSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enterprises_AspNetUsers_StewardId",
                        column: x => x.StewardId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ServiceContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    Duty = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CadreLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CadreId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadreLinks", x => x.Id);
                    table.CheckConstraint("CK_CadreLink_OneTarget", "(EnterpriseId IS NULL) <> (ProjectId IS NULL)");
                    table.ForeignKey(
                        name: "FK_CadreLinks_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CadreLinks_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CadreLinks_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpMatters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PromisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpMatters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpMatters_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpMatters_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LiaisonRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    OnDuty = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiaisonRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiaisonRooms_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StewardAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StewardId = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StewardAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StewardAssignments_AspNetUsers_StewardId",
                        column: x => x.StewardId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StewardAssignments_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StewardId = table.Column<string>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Duties = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<string>(type: "TEXT", nullable: false),
                    ProblemsFound = table.Column<string>(type: "TEXT", nullable: true),
                    NextContactOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PhotoPath = table.Column<string>(type: "TEXT", nullable: true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_AspNetUsers_StewardId",
                        column: x => x.StewardId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CadreListItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    List = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadreListItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CadreListItems_CadreLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "CadreLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CadreListItems_Units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpMatterWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpMatterWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpMatterWindows_HelpMatters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "HelpMatters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpMatterWindows_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_EnterpriseId",
                table: "Problems",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNeeds_EnterpriseId",
                table: "EnterpriseNeeds",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_CadreLinks_CadreId",
                table: "CadreLinks",
                column: "CadreId");

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

            migrationBuilder.CreateIndex(
                name: "IX_CadreListItems_LinkId_List",
                table: "CadreListItems",
                columns: new[] { "LinkId", "List" });

            migrationBuilder.CreateIndex(
                name: "IX_CadreListItems_List_State",
                table: "CadreListItems",
                columns: new[] { "List", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CadreListItems_OwnerUnitId",
                table: "CadreListItems",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_UnitId",
                table: "Cadres",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_IsAboveSize_Industry",
                table: "Enterprises",
                columns: new[] { "IsAboveSize", "Industry" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Name",
                table: "Enterprises",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_StewardId",
                table: "Enterprises",
                column: "StewardId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatters_AgentId",
                table: "HelpMatters",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatters_EnterpriseId",
                table: "HelpMatters",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatters_FinishedOn",
                table: "HelpMatters",
                column: "FinishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatters_State_Mode",
                table: "HelpMatters",
                columns: new[] { "State", "Mode" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatterWindows_MatterId_UnitId",
                table: "HelpMatterWindows",
                columns: new[] { "MatterId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpMatterWindows_UnitId",
                table: "HelpMatterWindows",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonRooms_EnterpriseId",
                table: "LiaisonRooms",
                column: "EnterpriseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceContacts_Department",
                table: "ServiceContacts",
                column: "Department",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StewardAssignments_EnterpriseId_From",
                table: "StewardAssignments",
                columns: new[] { "EnterpriseId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_StewardAssignments_StewardId",
                table: "StewardAssignments",
                column: "StewardId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_EnterpriseId_VisitedOn",
                table: "Visits",
                columns: new[] { "EnterpriseId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_StewardId_VisitedOn",
                table: "Visits",
                columns: new[] { "StewardId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitedOn",
                table: "Visits",
                column: "VisitedOn");

            migrationBuilder.AddForeignKey(
                name: "FK_EnterpriseNeeds_Enterprises_EnterpriseId",
                table: "EnterpriseNeeds",
                column: "EnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Problems_Enterprises_EnterpriseId",
                table: "Problems",
                column: "EnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EnterpriseNeeds_Enterprises_EnterpriseId",
                table: "EnterpriseNeeds");

            migrationBuilder.DropForeignKey(
                name: "FK_Problems_Enterprises_EnterpriseId",
                table: "Problems");

            migrationBuilder.DropTable(
                name: "CadreListItems");

            migrationBuilder.DropTable(
                name: "HelpMatterWindows");

            migrationBuilder.DropTable(
                name: "LiaisonRooms");

            migrationBuilder.DropTable(
                name: "ServiceContacts");

            migrationBuilder.DropTable(
                name: "StewardAssignments");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "CadreLinks");

            migrationBuilder.DropTable(
                name: "HelpMatters");

            migrationBuilder.DropTable(
                name: "Cadres");

            migrationBuilder.DropTable(
                name: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_Problems_EnterpriseId",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_EnterpriseNeeds_EnterpriseId",
                table: "EnterpriseNeeds");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "EnterpriseNeeds");

            migrationBuilder.AlterColumn<int>(
                name: "ProjectId",
                table: "EnterpriseNeeds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
