using Village.Web.Features.Accounts;

namespace Village.Web.Features.Profiles;

/// <summary>What a parent tells about their family. Location is coarse: never more precise than 0.01 degree.</summary>
public sealed class ParentProfile
{
    public Guid MemberId { get; set; }

    public Member Member { get; set; } = null!;

    public string DisplayName { get; set; } = "";

    /// <summary>The gazetteer id of the home town (see Infrastructure/Geo), or the nearest town to a rounded position.</summary>
    public string? TownId { get; set; }

    public string? TownName { get; set; }

    public string? Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string About { get; set; } = "";

    public Interest Interests { get; set; }

    public Availability Availability { get; set; }

    /// <summary>Whether other parents nearby can find this profile. Off until the parent turns it on.</summary>
    public bool VisibleNearby { get; set; }

    public Audience ChildrenAudience { get; set; } = Audience.ParentsNearby;

    public Audience LanguagesAudience { get; set; } = Audience.ParentsNearby;

    public Audience InterestsAudience { get; set; } = Audience.ParentsNearby;

    public Audience AboutAudience { get; set; } = Audience.ParentsNearby;

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the parent closed the first-meeting safety tip (meet in a public place), shown until then.</summary>
    public DateTime? MeetingTipSeenAt { get; set; }

    public List<Child> Children { get; set; } = [];

    public List<ParentLanguage> Languages { get; set; } = [];
}

/// <summary>Who may see a part of a profile. Connections (people you talk with) arrive with messages.</summary>
public enum Audience
{
    OnlyMe = 0,
    Connections = 1,
    ParentsNearby = 2,
}

[Flags]
public enum Availability
{
    None = 0,
    WeekdayMornings = 1,
    WeekdayAfternoons = 2,
    WeekdayEvenings = 4,
    WeekendMornings = 8,
    WeekendAfternoons = 16,
}

[Flags]
public enum Interest : long
{
    None = 0,
    Walks = 1,
    Nature = 2,
    Culture = 4,
    Reading = 8,
    Music = 16,
    Crafts = 32,
    Sport = 64,
    Swimming = 128,
    Cooking = 256,
    Games = 512,
    Gardening = 1024,
    Coffee = 2048,
}
