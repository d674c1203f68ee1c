using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Outings;

/// <summary>The organiser changes their outing (anything but the kind of repetition). Every family taking part is
/// emailed the list of what changed; a new time or place raises the dates' SEQUENCE so calendars update; a lower
/// capacity keeps the families already going, a higher one lets families waiting in.</summary>
[Authorize]
public sealed class EditModel(VillageDb db, OutingForms forms, OutingSearch search, Attendance attendance, OutingEmails emails, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public OutingInput Input { get; set; } = new();

    public OutingFormView Form { get; private set; } = null!;

    public Outing Outing { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } outing)
        {
            return NotFound();
        }

        Input = OutingInput.From(outing, await FirstLocalAsync(outing));
        await FormAsync([]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } outing)
        {
            return NotFound();
        }

        var memberId = User.MemberId();
        Input.Recurrence = outing.Recurrence;
        var (where, choices) = await forms.ResolveWhereAsync(Input, ModelState, t);
        var timeZone = where?.TimeZone ?? outing.TimeZone;
        foreach (var (field, key) in Input.Problems(OutingSchedule.ToLocal(forms.Now, timeZone)))
        {
            ModelState.AddModelError(field, t[key]);
        }

        if (Input.CommunityId is { } communityId && communityId != outing.CommunityId && !await forms.MayUseCommunityAsync(memberId, communityId))
        {
            ModelState.AddModelError("Input.CommunityId", t["Validation.InvalidValue"]);
        }

        if (!ModelState.IsValid || where is null)
        {
            await FormAsync(choices);
            return this.InvalidPage();
        }

        var now = forms.Now;
        var before = Snapshot.Of(outing, await FirstLocalAsync(outing));
        var families = await emails.ParticipantsAsync(outing, null, now);
        Input.CopyTo(outing);
        outing.CommunityId = Input.CommunityId;
        (outing.PlaceId, outing.Address, outing.TownId, outing.TownName, outing.Country, outing.Latitude, outing.Longitude) =
            (where.PlaceId, where.Address, where.TownId, where.TownName, where.Country, where.Latitude, where.Longitude);
        outing.TimeZone = timeZone;
        outing.UpdatedAt = now;
        var after = Snapshot.Of(outing, outing.StartsAtLocal);
        var changes = await ChangesAsync(before, after);

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        if (before.When != after.When || before.Duration != after.Duration || before.RepeatUntil != after.RepeatUntil || before.TimeZone != after.TimeZone)
        {
            await RescheduleAsync(outing, now);
        }

        if (before.Where != after.Where)
        {
            // The place changed: calendars must update every date still to come.
            await db.OutingOccurrences.Where(o => o.OutingId == id && o.StartsAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Sequence, o => o.Sequence + 1));
        }

        await OutingDates.TopUpAsync(db, outing, now);
        if (after.MaxFamilies > before.MaxFamilies)
        {
            foreach (var date in await db.OutingOccurrences.Where(o => o.OutingId == id && o.StartsAt > now && !o.IsCancelled).Select(o => o.Id).ToListAsync())
            {
                await attendance.PromoteAsync(date);
            }
        }

        if (changes.Count > 0)
        {
            await emails.ChangedAsync(outing, families, changes);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Notice = t[changes.Count > 0 && families.Count > 0 ? "Outing.SavedAndTold" : "Outing.Saved"];
        search.Changed();
        return Redirect($"/outings/{id}");
    }

    /// <summary>Moves the dates to come to the new schedule, in order (the first to the first...), raising each one's
    /// SEQUENCE and letting its reminders go again. Dates the new schedule no longer has are cancelled.</summary>
    private async Task<int> RescheduleAsync(Outing outing, DateTime now)
    {
        var future = await db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == outing.Id && o.StartsAt > now)
            .OrderBy(o => o.StartsAt).ToListAsync();
        if (future.Count == 0)
        {
            return 0;
        }

        var until = (future[^1].StartsAt > now + OutingSchedule.Horizon ? future[^1].StartsAt : now + OutingSchedule.Horizon).AddDays(15);
        var wanted = OutingSchedule.Dates(outing, now, until).Take(future.Count).ToList();
        var pairs = future.Take(wanted.Count).Zip(wanted).ToList();
        // Moving later, start from the last date (and earlier, from the first) so no two dates ever share a time.
        if (pairs.Count > 0 && pairs[0].Second.StartsAt > pairs[0].First.StartsAt)
        {
            pairs.Reverse();
        }

        var moved = 0;
        foreach (var (occurrence, (startsAt, endsAt)) in pairs)
        {
            if (occurrence.StartsAt == startsAt && occurrence.EndsAt == endsAt)
            {
                continue;
            }

            await db.OutingOccurrences.Where(o => o.Id == occurrence.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.StartsAt, startsAt).SetProperty(o => o.EndsAt, endsAt).SetProperty(o => o.Sequence, o => o.Sequence + 1));
            await db.OutingParticipations.Where(p => p.OccurrenceId == occurrence.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DayBeforeReminderSentAt, (DateTime?)null).SetProperty(p => p.MorningReminderSentAt, (DateTime?)null));
            moved++;
        }

        foreach (var dropped in future.Skip(wanted.Count).Where(o => !o.IsCancelled))
        {
            await db.OutingOccurrences.Where(o => o.Id == dropped.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.Sequence, o => o.Sequence + 1));
        }

        return moved;
    }

    private async Task<List<OutingChange>> ChangesAsync(Snapshot before, Snapshot after)
    {
        var changes = new List<OutingChange>();
        void Add(string key, object? was, object? now)
        {
            if (!Equals(was, now))
            {
                changes.Add(new OutingChange(key, was ?? "", now));
            }
        }

        Add("Outing.Field.Title", before.Title, after.Title);
        if (before.Description != after.Description)
        {
            changes.Add(new OutingChange("Outing.Field.Description", null, new OutingChange.TextKey("Outing.Changed.Rewritten")));
        }

        Add("Outing.Field.When", before.When, after.When);
        Add("Outing.Field.Duration", new OutingChange.Minutes(before.Duration), new OutingChange.Minutes(after.Duration));
        Add("Outing.Field.RepeatUntil", before.RepeatUntil, after.RepeatUntil);
        Add("Outing.Field.Address", before.Where, after.Where);
        Add("Outing.Field.MeetingPoint", before.MeetingPoint, after.MeetingPoint);
        Add("Outing.Field.Ages", new OutingChange.AgeRange(before.MinAge, before.MaxAge), new OutingChange.AgeRange(after.MinAge, after.MaxAge));
        Add("Outing.Field.MaxFamilies", before.MaxFamilies, after.MaxFamilies);
        Add("Outing.Price", before.Price, after.Price);
        Add("Outing.Field.Setting", before.Setting, after.Setting);
        Add("Outing.Field.Welcome", before.Welcome, after.Welcome);
        Add("Outing.Field.WelcomeNote", before.WelcomeNote, after.WelcomeNote);
        Add("Outing.Field.Rhythm", before.Rhythm, after.Rhythm);
        if (before.CommunityId != after.CommunityId)
        {
            changes.Add(new OutingChange("Outing.Field.Visibility", await VisibilityAsync(before.CommunityId), await VisibilityAsync(after.CommunityId)));
        }

        return changes;
    }

    private async Task<object> VisibilityAsync(Guid? communityId) =>
        communityId is null
            ? new OutingChange.TextKey("Outing.ForEveryone")
            : await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync();

    private async Task<DateTime> FirstLocalAsync(Outing outing)
    {
        var now = forms.Now;
        var next = await db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == outing.Id && o.StartsAt > now && !o.IsCancelled)
            .OrderBy(o => o.StartsAt).Select(o => (DateTime?)o.StartsAt).FirstOrDefaultAsync();
        return next is { } starts ? OutingSchedule.ToLocal(starts, outing.TimeZone) : outing.StartsAtLocal;
    }

    /// <summary>The organiser's own outing, still scheduled (tracked, to be changed).</summary>
    private async Task<Outing?> LoadAsync(Guid id)
    {
        var memberId = User.MemberId();
        Outing = (await db.Outings.SingleOrDefaultAsync(o => o.Id == id && o.OrganizerId == memberId && o.Status == OutingStatus.Scheduled))!;
        return Outing;
    }

    private async Task FormAsync(IReadOnlyList<Town> choices)
    {
        var memberId = User.MemberId();
        var profile = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync();
        var communities = (await forms.CommunitiesAsync(memberId)).ToList();
        if (Outing.CommunityId is { } current && communities.All(c => c.Id != current))
        {
            communities.Insert(0, new CommunityOption(current, await db.Communities.Where(c => c.Id == current).Select(c => c.Name).SingleAsync()));
        }

        Form = new OutingFormView(
            Input,
            await forms.PlacesNearAsync(profile?.Latitude ?? Outing.Latitude, profile?.Longitude ?? Outing.Longitude, Input.PlaceId),
            communities,
            new TownField(Input.TownQuery, Input.TownId, choices, "town-hint"),
            IsEdit: true);
    }

    /// <summary>What the families know about the outing, to tell them what changed.</summary>
    private sealed record Snapshot(
        string Title, string Description, DateTime When, int Duration, DateOnly? RepeatUntil, string TimeZone, string Where, string MeetingPoint,
        int MinAge, int MaxAge, int MaxFamilies, object Price, OutingSetting Setting, WelcomeOffer Welcome, string WelcomeNote,
        RhythmTags Rhythm, Guid? CommunityId)
    {
        public static Snapshot Of(Outing o, DateTime firstLocal) => new(
            o.Title, o.Description, firstLocal, o.DurationMinutes, o.RepeatUntil, o.TimeZone, $"{o.Address}, {o.TownName}", o.MeetingPoint,
            o.MinAgeMonths, o.MaxAgeMonths, o.MaxFamilies, o.IsFree ? new OutingChange.TextKey("Outing.Free") : o.PriceNote ?? "", o.Setting,
            o.Welcome, o.WelcomeNote ?? "", o.Rhythm, o.CommunityId);
    }
}
