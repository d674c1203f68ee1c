using Village.Web.Features.CommunityAdmin;

namespace Village.Web.Features.Communities;

public sealed class CommunityMember
{
    public Guid CommunityId { get; set; }

    public Guid MemberId { get; set; }

    public CommunityRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>For an admin: the weekdays they look after the community (see AdminRota).</summary>
    public DutyDays DutyDays { get; set; }

    /// <summary>For an admin: out of every rota and notification until they come back.</summary>
    public bool OffDuty { get; set; }

    /// <summary>The day an off-duty admin is back on duty, if they said; none means until they switch it off.</summary>
    public DateOnly? OffDutyUntil { get; set; }

    /// <summary>Marked trusted by an admin of this community: no longer limited as a new account (see NewMemberLimits).</summary>
    public bool Trusted { get; set; }

    /// <summary>Whether the member receives the community's newsletter: yes from joining, until they say no.</summary>
    public bool NewsletterSubscribed { get; set; } = true;
}

public enum CommunityRole
{
    Member = 0,
    Admin = 1,
}
