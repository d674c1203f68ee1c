using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Village.Web.Data.Migrations;

/// <summary>Accounts (Identity), parent profiles, the email outbox and the Data Protection key ring.
/// Column types come from the CLR types, so one migration serves SQLite and PostgreSQL.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PreferredCulture = table.Column<string>(maxLength: 8, nullable: false),
                PrivacyAcceptedAt = table.Column<DateTime>(nullable: false),
                RulesAcceptedAt = table.Column<DateTime>(nullable: false),
                ProfessionalStatus = table.Column<int>(nullable: false),
                ProfessionalDetails = table.Column<string>(maxLength: 500, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OutboxEmails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
                ToAddress = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                TextBody = table.Column<string>(nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LeasedUntil = table.Column<DateTime>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxEmails", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<int>(nullable: false)),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<int>(nullable: false)),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Profiles",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 40, nullable: false),
                TownId = table.Column<string>(maxLength: 32, nullable: true),
                TownName = table.Column<string>(maxLength: 120, nullable: true),
                Country = table.Column<string>(maxLength: 2, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                About = table.Column<string>(maxLength: 500, nullable: false),
                Interests = table.Column<long>(nullable: false),
                Availability = table.Column<int>(nullable: false),
                VisibleNearby = table.Column<bool>(nullable: false),
                ChildrenAudience = table.Column<int>(nullable: false),
                LanguagesAudience = table.Column<int>(nullable: false),
                InterestsAudience = table.Column<int>(nullable: false),
                AboutAudience = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Profiles", x => x.MemberId);
                table.ForeignKey("FK_Profiles_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Children",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ParentId = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 40, nullable: true),
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                IsExpected = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Children", x => x.Id);
                table.ForeignKey("FK_Children_Profiles_ParentId", x => x.ParentId, "Profiles", "MemberId", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ParentLanguages",
            columns: table => new
            {
                ParentId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParentLanguages", x => new { x.ParentId, x.Code });
                table.ForeignKey("FK_ParentLanguages_Profiles_ParentId", x => x.ParentId, "Profiles", "MemberId", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.InsertData(
            table: "AspNetRoles",
            columns: ["Id", "Name", "NormalizedName", "ConcurrencyStamp"],
            // Without a model snapshot, seed rows need their column types spelled out per provider.
            columnTypes: migrationBuilder.IsNpgsql()
                ? ["uuid", "character varying(256)", "character varying(256)", "text"]
                : ["TEXT", "TEXT", "TEXT", "TEXT"],
            values: new object[,]
            {
                { new Guid("0193a000-0000-7000-8000-000000000001"), "parent", "PARENT", "parent" },
                { new Guid("0193a000-0000-7000-8000-000000000002"), "professional", "PROFESSIONAL", "professional" },
                { new Guid("0193a000-0000-7000-8000-000000000003"), "moderator", "MODERATOR", "moderator" },
                { new Guid("0193a000-0000-7000-8000-000000000004"), "administrator", "ADMINISTRATOR", "administrator" },
            });

        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_AspNetUsers_ProfessionalStatus", "AspNetUsers", "ProfessionalStatus");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_Children_ParentId", "Children", "ParentId");
        migrationBuilder.CreateIndex("IX_OutboxEmails_MemberId", "OutboxEmails", "MemberId");
        migrationBuilder.CreateIndex("IX_OutboxEmails_SentAt_FailedAt_NextAttemptAt", "OutboxEmails", ["SentAt", "FailedAt", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_ParentLanguages_Code", "ParentLanguages", "Code");
        migrationBuilder.CreateIndex("IX_Profiles_VisibleNearby_Latitude_Longitude", "Profiles", ["VisibleNearby", "Latitude", "Longitude"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "ParentLanguages", "Children", "Profiles", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
            "AspNetUserClaims", "AspNetRoleClaims", "OutboxEmails", "DataProtectionKeys", "AspNetUsers", "AspNetRoles",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }

    /// <summary>An integer key the database generates, in each provider's own way.</summary>
    private static OperationBuilder<AddColumnOperation> AutoIncrement(OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
