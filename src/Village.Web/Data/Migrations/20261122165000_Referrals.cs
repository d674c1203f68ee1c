using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Accompanied referrals: a professional relays a parent to a service, or a parent asks a service to contact
/// them; the note on what the family needs is stored protected. Their audit trail, without the note.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122165000_Referrals")]
public sealed class Referrals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Referrals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ParentId = table.Column<Guid>(nullable: false),
                ReferrerId = table.Column<Guid>(nullable: true),
                ReferrerOrganizationId = table.Column<Guid>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                ProtectedNote = table.Column<string>(maxLength: 6000, nullable: false),
                ShareNote = table.Column<bool>(nullable: false),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 40, nullable: true),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                ConsentedAt = table.Column<DateTime>(nullable: true),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                FirstContactOn = table.Column<DateOnly>(nullable: true),
                FirstContactHow = table.Column<string>(maxLength: 200, nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosingMessage = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Referrals", x => x.Id);
                table.ForeignKey("FK_Referrals_AspNetUsers_ParentId", x => x.ParentId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Referrals_AspNetUsers_ReferrerId", x => x.ReferrerId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Referrals_Organizations_ReferrerOrganizationId", x => x.ReferrerOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Referrals_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReferralEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Party = table.Column<int>(nullable: false),
                Action = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReferralEvents", x => x.Id);
                table.ForeignKey("FK_ReferralEvents_AspNetUsers_ActorId", x => x.ActorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ReferralEvents_Referrals_ReferralId", x => x.ReferralId, "Referrals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Referrals_ParentId_CreatedAt", "Referrals", ["ParentId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Referrals_ReferrerId_CreatedAt", "Referrals", ["ReferrerId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Referrals_ReferrerOrganizationId", "Referrals", "ReferrerOrganizationId");
        migrationBuilder.CreateIndex("IX_Referrals_ServiceId_Status_CreatedAt", "Referrals", ["ServiceId", "Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ReferralEvents_ActorId", "ReferralEvents", "ActorId");
        migrationBuilder.CreateIndex("IX_ReferralEvents_ReferralId_At", "ReferralEvents", ["ReferralId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReferralEvents");
        migrationBuilder.DropTable("Referrals");
    }
}
