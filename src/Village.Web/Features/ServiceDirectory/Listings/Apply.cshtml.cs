using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>A service applies to the directory online, instead of the paper form: its organisation (new, or one the
/// member is already a verified professional of) and the service. The request waits for a moderator; the applicant
/// sees their requests here and is emailed the decision. A member sends at most a few requests a day.</summary>
[Authorize]
public sealed class ApplyModel(VillageDb db, Gazetteer gazetteer, TimeProvider clock, IOptions<ListingOptions> options, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public ListingInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];

    /// <summary>The member's requests, newest first, with what became of them.</summary>
    public IReadOnlyList<Service> Requests { get; private set; } = [];

    public bool Sent { get; private set; }

    public bool TooMany { get; private set; }

    public int PerDay => options.Value.RequestsPerDay;

    public async Task OnGetAsync(bool sent = false)
    {
        Sent = sent;
        Input.WithBlankRows();
        await LoadAsync();
        TooMany = await RecentCountAsync() >= PerDay;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (await RecentCountAsync() >= PerDay)
        {
            TooMany = true;
            ModelState.AddModelError("", t["Listing.TooMany", PerDay]);
            Input.WithBlankRows();
            var refused = Page();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }

        Guid? organizationId = null;
        if (!string.IsNullOrWhiteSpace(Input.OrganizationId))
        {
            if (Guid.TryParse(Input.OrganizationId, out var chosen) && Organizations.Any(o => o.Id == chosen))
            {
                organizationId = chosen;
            }
            else
            {
                ModelState.AddModelError("Input.OrganizationId", t["Validation.InvalidValue"]);
            }
        }
        else if (string.IsNullOrWhiteSpace(Input.OrganizationName) || Input.OrganizationName.Trim().Length < 2)
        {
            ModelState.AddModelError("Input.OrganizationName", t["Listing.OrganizationRequired"]);
        }

        var town = RequiredTown.Resolve(this, Input.Problems(), Input.TownQuery, Input.TownId, Input.TownChoice, "Listing.TownRequired", gazetteer, t, out var choices);
        TownChoices = choices;
        if (!ModelState.IsValid || town is null)
        {
            Input.WithBlankRows();
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var memberId = User.MemberId();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (organizationId is null)
        {
            var organization = new Organization
            {
                Id = Guid.CreateVersion7(),
                Name = Input.OrganizationName!.Trim(),
                Description = ListingInput.Clean(Input.OrganizationDescription) ?? "",
                Email = ListingInput.Clean(Input.Email),
                Website = Input.WebsiteUrl(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Organizations.Add(organization);
            // The applicant asks to look after the organisation's listings; a moderator verifies it with the listing.
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, MemberId = memberId, Status = OrganizationMemberStatus.Pending, CreatedAt = now });
            organizationId = organization.Id;
        }

        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId.Value,
            Status = ServiceStatus.Active,
            ListingStatus = ListingStatus.Pending,
            SubmittedById = memberId,
            CreatedAt = now,
            TimeZone = town.Country == "BE" ? DirectoryDefaults.TimeZone : "Europe/Paris",
        };
        db.Services.Add(service);
        await ListingWriter.WriteAsync(db, service, Input, town, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage(new { sent = true });
    }

    private async Task LoadAsync()
    {
        var memberId = User.MemberId();
        Organizations = (await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.MemberId == memberId && m.Status == OrganizationMemberStatus.Verified)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name })
            .OrderBy(o => o.Name).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
        Requests = await db.Services.AsNoTracking().Where(s => s.SubmittedById == memberId)
            .OrderByDescending(s => s.CreatedAt).Take(20).ToListAsync();
    }

    private Task<int> RecentCountAsync()
    {
        var memberId = User.MemberId();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return db.Services.CountAsync(s => s.SubmittedById == memberId && s.CreatedAt > since);
    }
}
