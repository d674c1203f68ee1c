using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Places;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Outings;

/// <summary>What an organiser writes when proposing or editing an outing. Dates and times are typed as text
/// (yyyy-MM-dd, HH:mm, as date and time inputs send them) and read here, so a wrong value is a clear message.</summary>
public sealed class OutingInput
{
    public const int MinFamilies = 2;
    public const int MaxFamiliesLimit = 30;
    public const int MinDuration = 15;
    public const int MaxDuration = 8 * 60;

    /// <summary>The ages offered in the age range selects, in months.</summary>
    public static readonly int[] AgeSteps = [0, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72];

    /// <summary>The durations offered, in minutes.</summary>
    public static readonly int[] Durations = [30, 45, 60, 90, 120, 150, 180, 240];

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OutingConfiguration.TitleMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Outing.Field.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OutingConfiguration.DescriptionMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.Description")]
    public string Description { get; set; } = "";

    [Display(Name = "Outing.Field.Place")]
    public Guid? PlaceId { get; set; }

    [StringLength(OutingConfiguration.AddressMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.Address")]
    public string? Address { get; set; }

    [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Profile.Town")]
    public string? TownQuery { get; set; }

    [StringLength(32)]
    public string? TownId { get; set; }

    [StringLength(32)]
    public string? TownChoice { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.Date")]
    public string Date { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(8, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.Time")]
    public string Time { get; set; } = "10:00";

    [Range(MinDuration, MaxDuration, ErrorMessage = "Outing.DurationInvalid")]
    [Display(Name = "Outing.Field.Duration")]
    public int DurationMinutes { get; set; } = 90;

    [Range(0, OutingConfiguration.MaxAgeMonthsLimit, ErrorMessage = "Validation.InvalidValue")]
    [Display(Name = "Outing.Field.MinAge")]
    public int MinAgeMonths { get; set; }

    [Range(0, OutingConfiguration.MaxAgeMonthsLimit, ErrorMessage = "Validation.InvalidValue")]
    [Display(Name = "Outing.Field.MaxAge")]
    public int MaxAgeMonths { get; set; } = 36;

    [Range(MinFamilies, MaxFamiliesLimit, ErrorMessage = "Outing.MaxFamiliesInvalid")]
    [Display(Name = "Outing.Field.MaxFamilies")]
    public int MaxFamilies { get; set; } = 6;

    [Display(Name = "Outing.Field.IsFree")]
    public bool IsFree { get; set; } = true;

    [StringLength(OutingConfiguration.PriceNoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.PriceNote")]
    public string? PriceNote { get; set; }

    [Display(Name = "Outing.Field.Setting")]
    public OutingSetting Setting { get; set; }

    [StringLength(OutingConfiguration.MeetingPointMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.MeetingPoint")]
    public string? MeetingPoint { get; set; }

    /// <summary>The community whose members may come; none for every parent nearby.</summary>
    [Display(Name = "Outing.Field.Visibility")]
    public Guid? CommunityId { get; set; }

    [Display(Name = "Outing.Field.Recurrence")]
    public OutingRecurrence Recurrence { get; set; }

    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.RepeatUntil")]
    public string? RepeatUntil { get; set; }

    [Display(Name = "Outing.Field.Welcome")]
    public WelcomeOffer Welcome { get; set; }

    [StringLength(OutingConfiguration.WelcomeNoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Outing.Field.WelcomeNote")]
    public string? WelcomeNote { get; set; }

    [Display(Name = "Outing.Field.Rhythm")]
    public List<RhythmTags> Rhythm { get; set; } = [];

    public DateOnly? ParsedDate => DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public TimeOnly? ParsedTime => TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public DateOnly? ParsedRepeatUntil => DateOnly.TryParseExact(RepeatUntil?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public DateTime? StartsAtLocal => ParsedDate is { } d && ParsedTime is { } t ? d.ToDateTime(t) : null;

    public RhythmTags RhythmFlags => Rhythm.Where(Enum.IsDefined).Aggregate(RhythmTags.None, (all, r) => all | r);

    /// <summary>Checks what attributes cannot: known choices, a date to come, a sensible age range, a price when not
    /// free, and an end for the repetition after its start. <paramref name="nowLocal"/> is now in the outing's zone.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems(DateTime nowLocal)
    {
        if (!Enum.IsDefined(Setting) || !Enum.IsDefined(Recurrence) || !Enum.IsDefined(Welcome)
            || Rhythm.Any(r => !Enum.IsDefined(r) || r == RhythmTags.None))
        {
            yield return ("Input.Setting", "Validation.InvalidValue");
        }

        if (ParsedDate is null)
        {
            yield return ("Input.Date", "Outing.DateInvalid");
        }
        else if (ParsedTime is null)
        {
            yield return ("Input.Time", "Outing.TimeInvalid");
        }
        else if (StartsAtLocal <= nowLocal)
        {
            yield return ("Input.Date", "Outing.DateInPast");
        }
        else if (StartsAtLocal > nowLocal.AddYears(1))
        {
            yield return ("Input.Date", "Outing.DateTooFar");
        }

        if (MinAgeMonths > MaxAgeMonths)
        {
            yield return ("Input.MaxAgeMonths", "Outing.AgeRangeInvalid");
        }

        if (!IsFree && string.IsNullOrWhiteSpace(PriceNote))
        {
            yield return ("Input.PriceNote", "Outing.PriceRequired");
        }

        if (Recurrence != OutingRecurrence.None && !string.IsNullOrWhiteSpace(RepeatUntil))
        {
            if (ParsedRepeatUntil is not { } until)
            {
                yield return ("Input.RepeatUntil", "Outing.DateInvalid");
            }
            else if (ParsedDate is { } first && until < first)
            {
                yield return ("Input.RepeatUntil", "Outing.RepeatUntilBeforeStart");
            }
        }

        if (Welcome == WelcomeOffer.WalkTogether && string.IsNullOrWhiteSpace(WelcomeNote))
        {
            yield return ("Input.WelcomeNote", "Outing.WelcomeNoteRequired");
        }
    }

    /// <summary>Copies what the organiser may set on a new outing and change later (not the place, the visibility or
    /// the recurrence kind: the page handles those).</summary>
    public void CopyTo(Outing outing)
    {
        outing.Title = Title.Trim();
        outing.Description = Description.Trim();
        // A wall-clock time, kept with the UTC kind that PostgreSQL's timestamptz columns require (never converted).
        outing.StartsAtLocal = DateTime.SpecifyKind(StartsAtLocal!.Value, DateTimeKind.Utc);
        outing.DurationMinutes = DurationMinutes;
        outing.MinAgeMonths = MinAgeMonths;
        outing.MaxAgeMonths = MaxAgeMonths;
        outing.MaxFamilies = MaxFamilies;
        outing.IsFree = IsFree;
        outing.PriceNote = IsFree ? null : PriceNote?.Trim();
        outing.Setting = Setting;
        outing.MeetingPoint = MeetingPoint?.Trim() ?? "";
        outing.RepeatUntil = outing.Recurrence == OutingRecurrence.None ? null : ParsedRepeatUntil;
        outing.Welcome = Welcome;
        outing.WelcomeNote = Welcome == WelcomeOffer.None ? null : NullIfEmpty(WelcomeNote);
        outing.Rhythm = RhythmFlags;
    }

    public static OutingInput From(Outing outing, DateTime firstLocal) => new()
    {
        Title = outing.Title,
        Description = outing.Description,
        PlaceId = outing.PlaceId,
        Address = outing.Address,
        TownQuery = outing.TownName,
        TownId = outing.TownId,
        Date = firstLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Time = firstLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
        DurationMinutes = outing.DurationMinutes,
        MinAgeMonths = outing.MinAgeMonths,
        MaxAgeMonths = outing.MaxAgeMonths,
        MaxFamilies = outing.MaxFamilies,
        IsFree = outing.IsFree,
        PriceNote = outing.PriceNote,
        Setting = outing.Setting,
        MeetingPoint = outing.MeetingPoint,
        CommunityId = outing.CommunityId,
        Recurrence = outing.Recurrence,
        RepeatUntil = outing.RepeatUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Welcome = outing.Welcome,
        WelcomeNote = outing.WelcomeNote,
        Rhythm = [.. Enum.GetValues<RhythmTags>().Where(r => r != RhythmTags.None && outing.Rhythm.HasFlag(r))],
    };

    /// <summary>A child's age in plain words: "naissance", "6 mois", "1 an", "3 ans".</summary>
    public static string AgeWords(IStringLocalizer t, int months) => months switch
    {
        0 => t["Outing.Age.Birth"],
        12 => t["Outing.Age.OneYear"],
        < 24 => t["Outing.Age.Months", months],
        _ when months % 12 == 0 => t["Outing.Age.Years", months / 12],
        _ => t["Outing.Age.Months", months],
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record PlaceOption(Guid Id, string Name, string Address, string TownName);

public sealed record CommunityOption(Guid Id, string Name);

/// <summary>What the outing form shows besides the input: places near the organiser, their communities, the town.</summary>
public sealed record OutingFormView(
    OutingInput Input, IReadOnlyList<PlaceOption> Places, IReadOnlyList<CommunityOption> Communities, TownField Town, bool IsEdit);

/// <summary>Where an outing happens, resolved from the form: an approved place, or an address in a town.</summary>
public sealed record OutingWhere(Guid? PlaceId, string Address, string TownId, string TownName, string Country, double Latitude, double Longitude)
{
    public string TimeZone => OutingSchedule.TimeZoneFor(Country);
}

/// <summary>The lists and checks the new and edit forms share.</summary>
public sealed class OutingForms(VillageDb db, Gazetteer gazetteer, TimeProvider clock)
{
    /// <summary>About 30 km around a point, in degrees of latitude.</summary>
    private const double NearDegrees = 0.3;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Approved places near the organiser, nearest first (and the given one, whatever its distance).</summary>
    public async Task<IReadOnlyList<PlaceOption>> PlacesNearAsync(double? latitude, double? longitude, Guid? include = null)
    {
        if (latitude is not { } lat || longitude is not { } lon)
        {
            return include is null ? [] : await db.Places.AsNoTracking().Where(p => p.Id == include && p.Status == PlaceStatus.Approved)
                .Select(p => new PlaceOption(p.Id, p.Name, p.Address, p.TownName)).ToListAsync();
        }

        var lonDegrees = NearDegrees / Math.Max(0.2, Math.Cos(lat * Math.PI / 180));
        var near = await db.Places.AsNoTracking()
            .Where(p => p.Status == PlaceStatus.Approved
                && ((p.Latitude >= lat - NearDegrees && p.Latitude <= lat + NearDegrees && p.Longitude >= lon - lonDegrees && p.Longitude <= lon + lonDegrees) || p.Id == include))
            .Select(p => new { Option = new PlaceOption(p.Id, p.Name, p.Address, p.TownName), p.Latitude, p.Longitude })
            .Take(500)
            .ToListAsync();
        return [.. near.OrderBy(p => Coordinates.DistanceKm(lat, lon, p.Latitude, p.Longitude)).Take(60).Select(p => p.Option)];
    }

    /// <summary>The communities a member belongs to and may write in (not muted nor banned now).</summary>
    public async Task<IReadOnlyList<CommunityOption>> CommunitiesAsync(Guid memberId)
    {
        var now = Now;
        return await db.CommunityMembers.AsNoTracking().Where(m => m.MemberId == memberId)
            .Join(db.Communities, m => m.CommunityId, c => c.Id, (m, c) => c)
            .Where(c => c.Status == CommunityStatus.Approved
                && !db.CommunitySanctions.Any(s => s.CommunityId == c.Id && s.MemberId == memberId && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now)))
            .OrderBy(c => c.Name)
            .Select(c => new CommunityOption(c.Id, c.Name))
            .ToListAsync();
    }

    /// <summary>Reads where the outing happens; adds model errors and returns null when it is not clear.</summary>
    public async Task<(OutingWhere? Where, IReadOnlyList<Town> Choices)> ResolveWhereAsync(OutingInput input, ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (input.PlaceId is { } placeId)
        {
            var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId && p.Status == PlaceStatus.Approved);
            if (place is null)
            {
                modelState.AddModelError("Input.PlaceId", t["Validation.InvalidValue"]);
                return (null, []);
            }

            return (new OutingWhere(place.Id, place.Address, place.TownId, place.TownName, place.Country, place.Latitude, place.Longitude), []);
        }

        var address = input.Address?.Trim() ?? "";
        if (address.Length == 0)
        {
            modelState.AddModelError("Input.Address", t["Outing.WhereRequired"]);
        }

        var query = input.TownQuery?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            modelState.AddModelError("Input.TownQuery", t["Outing.TownRequired"]);
            return (null, []);
        }

        var (town, choices) = gazetteer.Resolve(query, input.TownId, input.TownChoice);
        if (town is null)
        {
            modelState.AddModelError("Input.TownQuery", choices.Count == 0 ? t["Profile.TownNotFound"] : t["Profile.TownChoose"]);
            return (null, choices);
        }

        return address.Length == 0
            ? (null, [])
            : (new OutingWhere(null, address, town.Id, town.Name, town.Country, Coordinates.Round(town.Latitude), Coordinates.Round(town.Longitude)), []);
    }

    /// <summary>Whether the member may open an outing to this community's members.</summary>
    public async Task<bool> MayUseCommunityAsync(Guid memberId, Guid communityId) =>
        (await CommunitiesAsync(memberId)).Any(c => c.Id == communityId);
}

/// <summary>An outing's facts in plain words, for pages and emails.</summary>
public static class OutingText
{
    /// <summary>"45 min", "1 h", "1 h 30".</summary>
    public static string Duration(IStringLocalizer t, int minutes) =>
        minutes < 60 ? t["Outing.Duration.Minutes", minutes]
        : minutes % 60 == 0 ? t["Outing.Duration.Hours", minutes / 60]
        : t["Outing.Duration.HoursMinutes", minutes / 60, (minutes % 60).ToString("00", CultureInfo.InvariantCulture)];

    /// <summary>"de 3 mois à 2 ans".</summary>
    public static string Ages(IStringLocalizer t, int min, int max) =>
        t["Outing.AgeRange", OutingInput.AgeWords(t, min), OutingInput.AgeWords(t, max)];

    public static string Rhythm(IStringLocalizer t, RhythmTags tags) =>
        string.Join(", ", Enum.GetValues<RhythmTags>().Where(r => r != RhythmTags.None && tags.HasFlag(r)).Select(r => t[$"Outing.RhythmTags.{r}"].Value));
}
