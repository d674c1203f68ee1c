using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Village.Web.Features.ServiceDirectory;

namespace Village.Web.Data.Migrations;

/// <summary>The support services directory (Open Referral HSDS 3.0): organisations and their professionals,
/// services with their listing state, locations, addresses, accessibility, phones, contacts, schedules, languages,
/// cost options, service areas, taxonomies and the terms services are classified under; and Village's own two
/// taxonomies (categories, publics).</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122160000_ServiceDirectory")]
public sealed class ServiceDirectory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organizations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                AlternateName = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Uri = table.Column<string>(maxLength: 500, nullable: true),
                LegalStatus = table.Column<string>(maxLength: 200, nullable: true),
                ParentOrganizationId = table.Column<Guid>(nullable: true),
                IsFictional = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organizations", x => x.Id);
                table.ForeignKey("FK_Organizations_Organizations_ParentOrganizationId", x => x.ParentOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "OrganizationMembers",
            columns: table => new
            {
                OrganizationId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                VerifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganizationMembers", x => new { x.OrganizationId, x.MemberId });
                table.ForeignKey("FK_OrganizationMembers_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_OrganizationMembers_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Services",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                AlternateName = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Status = table.Column<int>(nullable: false),
                InterpretationServices = table.Column<string>(maxLength: 4000, nullable: true),
                ApplicationProcess = table.Column<string>(maxLength: 4000, nullable: true),
                FeesDescription = table.Column<string>(maxLength: 4000, nullable: true),
                Accreditations = table.Column<string>(maxLength: 4000, nullable: true),
                EligibilityDescription = table.Column<string>(maxLength: 4000, nullable: true),
                MinimumAge = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
                MaximumAge = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
                AssuredDate = table.Column<DateOnly>(nullable: true),
                AssurerEmail = table.Column<string>(maxLength: 256, nullable: true),
                Alert = table.Column<string>(maxLength: 4000, nullable: true),
                LastModified = table.Column<DateTime>(nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                ListingStatus = table.Column<int>(nullable: false),
                ToComplete = table.Column<bool>(nullable: false),
                SubmittedById = table.Column<Guid>(nullable: true),
                ModeratorNote = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                ReviewReminderSentAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Services", x => x.Id);
                table.ForeignKey("FK_Services_AspNetUsers_SubmittedById", x => x.SubmittedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Services_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Locations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: true),
                LocationType = table.Column<int>(nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                AlternateName = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Transportation = table.Column<string>(maxLength: 4000, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                ExternalIdentifier = table.Column<string>(maxLength: 200, nullable: true),
                ExternalIdentifierType = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Locations", x => x.Id);
                table.ForeignKey("FK_Locations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Addresses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LocationId = table.Column<Guid>(nullable: false),
                Attention = table.Column<string>(maxLength: 200, nullable: true),
                Address1 = table.Column<string>(maxLength: 200, nullable: false),
                Address2 = table.Column<string>(maxLength: 200, nullable: true),
                City = table.Column<string>(maxLength: 200, nullable: false),
                Region = table.Column<string>(maxLength: 200, nullable: true),
                StateProvince = table.Column<string>(maxLength: 200, nullable: false),
                PostalCode = table.Column<string>(maxLength: 100, nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                AddressType = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Addresses", x => x.Id);
                table.ForeignKey("FK_Addresses_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Accessibility",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LocationId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Details = table.Column<string>(maxLength: 4000, nullable: true),
                Url = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Accessibility", x => x.Id);
                table.ForeignKey("FK_Accessibility_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceAtLocations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                LocationId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceAtLocations", x => x.Id);
                table.ForeignKey("FK_ServiceAtLocations_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ServiceAtLocations_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: true),
                LocationId = table.Column<Guid>(nullable: true),
                ServiceAtLocationId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                Department = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Contacts", x => x.Id);
                table.ForeignKey("FK_Contacts_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Contacts_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Contacts_ServiceAtLocations_ServiceAtLocationId", x => x.ServiceAtLocationId, "ServiceAtLocations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Contacts_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Phones",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: true),
                LocationId = table.Column<Guid>(nullable: true),
                ContactId = table.Column<Guid>(nullable: true),
                ServiceAtLocationId = table.Column<Guid>(nullable: true),
                Number = table.Column<string>(maxLength: 50, nullable: false),
                Extension = table.Column<int>(nullable: true),
                Type = table.Column<string>(maxLength: 100, nullable: true),
                Description = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Phones", x => x.Id);
                table.ForeignKey("FK_Phones_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Phones_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Phones_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Phones_ServiceAtLocations_ServiceAtLocationId", x => x.ServiceAtLocationId, "ServiceAtLocations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Phones_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Schedules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: true),
                LocationId = table.Column<Guid>(nullable: true),
                ServiceAtLocationId = table.Column<Guid>(nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
                Freq = table.Column<int>(nullable: true),
                Interval = table.Column<int>(nullable: true),
                ByDay = table.Column<string>(maxLength: 100, nullable: true),
                OpensAt = table.Column<TimeOnly>(nullable: true),
                ClosesAt = table.Column<TimeOnly>(nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                AttendingType = table.Column<string>(maxLength: 100, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Schedules", x => x.Id);
                table.ForeignKey("FK_Schedules_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Schedules_ServiceAtLocations_ServiceAtLocationId", x => x.ServiceAtLocationId, "ServiceAtLocations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Schedules_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceLanguages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: true),
                LocationId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: true),
                Code = table.Column<string>(maxLength: 100, nullable: true),
                Note = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceLanguages", x => x.Id);
                table.ForeignKey("FK_ServiceLanguages_Locations_LocationId", x => x.LocationId, "Locations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ServiceLanguages_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CostOptions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
                Option = table.Column<string>(maxLength: 200, nullable: true),
                Currency = table.Column<string>(maxLength: 3, nullable: true),
                Amount = table.Column<decimal>(precision: 10, scale: 2, nullable: true),
                AmountDescription = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CostOptions", x => x.Id);
                table.ForeignKey("FK_CostOptions_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceAreas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Extent = table.Column<string>(maxLength: 4000, nullable: true),
                ExtentType = table.Column<string>(maxLength: 100, nullable: true),
                Uri = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceAreas", x => x.Id);
                table.ForeignKey("FK_ServiceAreas_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Taxonomies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Uri = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Taxonomies", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "TaxonomyTerms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaxonomyId = table.Column<Guid>(nullable: true),
                Code = table.Column<string>(maxLength: 100, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                TaxonomyName = table.Column<string>(maxLength: 200, nullable: true),
                Language = table.Column<string>(maxLength: 100, nullable: true),
                TermUri = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxonomyTerms", x => x.Id);
                table.ForeignKey("FK_TaxonomyTerms_Taxonomies_TaxonomyId", x => x.TaxonomyId, "Taxonomies", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TaxonomyTerms_TaxonomyTerms_ParentId", x => x.ParentId, "TaxonomyTerms", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ServiceTerms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                TaxonomyTermId = table.Column<Guid>(nullable: false),
                Value = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceTerms", x => x.Id);
                table.ForeignKey("FK_ServiceTerms_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ServiceTerms_TaxonomyTerms_TaxonomyTermId", x => x.TaxonomyTermId, "TaxonomyTerms", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Organizations_ParentOrganizationId", "Organizations", "ParentOrganizationId");
        migrationBuilder.CreateIndex("IX_OrganizationMembers_MemberId", "OrganizationMembers", "MemberId");
        migrationBuilder.CreateIndex("IX_Services_ListingStatus_LastModified_Id", "Services", ["ListingStatus", "LastModified", "Id"]);
        migrationBuilder.CreateIndex("IX_Services_OrganizationId", "Services", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Services_SubmittedById", "Services", "SubmittedById");
        migrationBuilder.CreateIndex("IX_Locations_OrganizationId", "Locations", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Locations_Latitude_Longitude", "Locations", ["Latitude", "Longitude"]);
        migrationBuilder.CreateIndex("IX_Addresses_LocationId", "Addresses", "LocationId");
        migrationBuilder.CreateIndex("IX_Addresses_PostalCode", "Addresses", "PostalCode");
        migrationBuilder.CreateIndex("IX_Accessibility_LocationId", "Accessibility", "LocationId");
        migrationBuilder.CreateIndex("IX_ServiceAtLocations_ServiceId_LocationId", "ServiceAtLocations", ["ServiceId", "LocationId"], unique: true);
        migrationBuilder.CreateIndex("IX_ServiceAtLocations_LocationId", "ServiceAtLocations", "LocationId");
        migrationBuilder.CreateIndex("IX_Contacts_OrganizationId", "Contacts", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Contacts_ServiceId", "Contacts", "ServiceId");
        migrationBuilder.CreateIndex("IX_Contacts_LocationId", "Contacts", "LocationId");
        migrationBuilder.CreateIndex("IX_Contacts_ServiceAtLocationId", "Contacts", "ServiceAtLocationId");
        migrationBuilder.CreateIndex("IX_Phones_OrganizationId", "Phones", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Phones_ServiceId", "Phones", "ServiceId");
        migrationBuilder.CreateIndex("IX_Phones_LocationId", "Phones", "LocationId");
        migrationBuilder.CreateIndex("IX_Phones_ContactId", "Phones", "ContactId");
        migrationBuilder.CreateIndex("IX_Phones_ServiceAtLocationId", "Phones", "ServiceAtLocationId");
        migrationBuilder.CreateIndex("IX_Schedules_ServiceId", "Schedules", "ServiceId");
        migrationBuilder.CreateIndex("IX_Schedules_LocationId", "Schedules", "LocationId");
        migrationBuilder.CreateIndex("IX_Schedules_ServiceAtLocationId", "Schedules", "ServiceAtLocationId");
        migrationBuilder.CreateIndex("IX_ServiceLanguages_Code_ServiceId", "ServiceLanguages", ["Code", "ServiceId"]);
        migrationBuilder.CreateIndex("IX_ServiceLanguages_ServiceId", "ServiceLanguages", "ServiceId");
        migrationBuilder.CreateIndex("IX_ServiceLanguages_LocationId", "ServiceLanguages", "LocationId");
        migrationBuilder.CreateIndex("IX_CostOptions_ServiceId", "CostOptions", "ServiceId");
        migrationBuilder.CreateIndex("IX_ServiceAreas_ServiceId", "ServiceAreas", "ServiceId");
        migrationBuilder.CreateIndex("IX_TaxonomyTerms_TaxonomyId", "TaxonomyTerms", "TaxonomyId");
        migrationBuilder.CreateIndex("IX_TaxonomyTerms_ParentId", "TaxonomyTerms", "ParentId");
        migrationBuilder.CreateIndex("IX_TaxonomyTerms_Code", "TaxonomyTerms", "Code");
        migrationBuilder.CreateIndex("IX_ServiceTerms_ServiceId_TaxonomyTermId", "ServiceTerms", ["ServiceId", "TaxonomyTermId"], unique: true);
        migrationBuilder.CreateIndex("IX_ServiceTerms_TaxonomyTermId", "ServiceTerms", "TaxonomyTermId");

        // Without a model snapshot, seed rows need their column types spelled out per provider.
        var npgsql = migrationBuilder.IsNpgsql();
        migrationBuilder.InsertData(
            table: "Taxonomies",
            columns: ["Id", "Name", "Description"],
            columnTypes: npgsql ? ["uuid", "character varying(200)", "character varying(4000)"] : ["TEXT", "TEXT", "TEXT"],
            values: new object[,]
            {
                { VillageTaxonomy.CategoriesId, "Village — catégories", "Les services qui aident les parents de jeunes enfants à sortir de l'isolement." },
                { VillageTaxonomy.PublicsId, "Village — publics", "Les publics qu'un service accueille." },
            });
        var terms = VillageTaxonomy.Categories.Select(t => (VillageTaxonomy.CategoriesId, t))
            .Concat(VillageTaxonomy.Publics.Select(t => (VillageTaxonomy.PublicsId, t)))
            .ToList();
        var rows = new object[terms.Count, 6];
        for (var i = 0; i < terms.Count; i++)
        {
            var (taxonomyId, term) = terms[i];
            object[] row = [term.Id, taxonomyId, term.Code, term.Name, term.Description, "fr"];
            for (var j = 0; j < row.Length; j++)
            {
                rows[i, j] = row[j];
            }
        }

        migrationBuilder.InsertData(
            table: "TaxonomyTerms",
            columns: ["Id", "TaxonomyId", "Code", "Name", "Description", "Language"],
            columnTypes: npgsql
                ? ["uuid", "uuid", "character varying(100)", "character varying(200)", "character varying(4000)", "character varying(100)"]
                : ["TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT"],
            values: rows);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ServiceTerms");
        migrationBuilder.DropTable("TaxonomyTerms");
        migrationBuilder.DropTable("Taxonomies");
        migrationBuilder.DropTable("ServiceAreas");
        migrationBuilder.DropTable("CostOptions");
        migrationBuilder.DropTable("ServiceLanguages");
        migrationBuilder.DropTable("Schedules");
        migrationBuilder.DropTable("Phones");
        migrationBuilder.DropTable("Contacts");
        migrationBuilder.DropTable("ServiceAtLocations");
        migrationBuilder.DropTable("Accessibility");
        migrationBuilder.DropTable("Addresses");
        migrationBuilder.DropTable("Locations");
        migrationBuilder.DropTable("Services");
        migrationBuilder.DropTable("OrganizationMembers");
        migrationBuilder.DropTable("Organizations");
    }
}
