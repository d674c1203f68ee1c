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

namespace Village.Web.Features.Outings;

/// <summary>A parent proposes an outing: at an approved place near them or an address, once or every week or two,
/// open to every parent nearby or to one of their communities. A parent needs a home area on their profile first
/// (outings are found by distance), and may propose a few outings a day.</summary>
[Authorize]
public sealed class NewModel(VillageDb db, OutingForms forms, OutingSearch search, Gazetteer gazetteer, IOptions<OutingOptions> options, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public OutingInput Input { get; set; } = new();

    public OutingFormView Form { get; private set; } = null!;

    /// <summary>False when the parent has no home area yet: the page asks them to add one.</summary>
    public bool HasArea { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? place)
    {
        var profile = await ProfileAsync();
        if (!HasArea)
        {
            return Page();
        }

        var local = OutingSchedule.ToLocal(forms.Now, OutingSchedule.TimeZoneFor(profile?.Country)).Date.AddDays(1);
        Input.Date = local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input.TownQuery = profile?.TownId is { } townId ? gazetteer.Find(townId)?.Label ?? profile.TownName : profile?.TownName;
        Input.TownId = profile?.TownId;
        Input.PlaceId = place;
        await FormAsync(profile, []);
        if (Form.Places.All(p => p.Id != place))
        {
            Input.PlaceId = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var profile = await ProfileAsync();
        if (!HasArea)
        {
            return this.InvalidPage();
        }

        var memberId = User.MemberId();
        var (where, choices) = await forms.ResolveWhereAsync(Input, ModelState, t);
        var timeZone = where?.TimeZone ?? OutingSchedule.TimeZoneFor(profile?.Country);
        foreach (var (field, key) in Input.Problems(OutingSchedule.ToLocal(forms.Now, timeZone)))
        {
            ModelState.AddModelError(field, t[key]);
        }

        if (Input.CommunityId is { } communityId && !await forms.MayUseCommunityAsync(memberId, communityId))
        {
            ModelState.AddModelError("Input.CommunityId", t["Validation.InvalidValue"]);
        }

        if (!ModelState.IsValid || where is null)
        {
            await FormAsync(profile, choices);
            return this.InvalidPage();
        }

        var now = forms.Now;
        var perDay = options.Value.NewOutingsPerDay;
        if (await db.Outings.CountAsync(o => o.OrganizerId == memberId && o.CreatedAt > now.AddDays(-1)) >= perDay)
        {
            ModelState.AddModelError("", t["Outing.TooMany", perDay]);
            await FormAsync(profile, choices);
            var refused = this.InvalidPage();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }

        var outing = new Outing
        {
            Id = Guid.CreateVersion7(),
            OrganizerId = memberId,
            CommunityId = Input.CommunityId,
            PlaceId = where.PlaceId,
            Address = where.Address,
            TownId = where.TownId,
            TownName = where.TownName,
            Country = where.Country,
            Latitude = where.Latitude,
            Longitude = where.Longitude,
            TimeZone = timeZone,
            Recurrence = Input.Recurrence,
            Status = OutingStatus.Scheduled,
            CreatedAt = now,
        };
        Input.CopyTo(outing);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Outings.Add(outing);
        await db.SaveChangesAsync();
        await OutingDates.TopUpAsync(db, outing, now);
        await transaction.CommitAsync();
        search.Changed();
        return Redirect($"/outings/{outing.Id}");
    }

    private async Task<Profiles.ParentProfile?> ProfileAsync()
    {
        var id = User.MemberId();
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == id);
        HasArea = profile is { Latitude: not null, Longitude: not null };
        return profile;
    }

    private async Task FormAsync(Profiles.ParentProfile? profile, IReadOnlyList<Town> choices) =>
        Form = new OutingFormView(
            Input,
            await forms.PlacesNearAsync(profile?.Latitude, profile?.Longitude, Input.PlaceId),
            await forms.CommunitiesAsync(User.MemberId()),
            new TownField(Input.TownQuery, Input.TownId, choices, "town-hint"),
            IsEdit: false);
}
