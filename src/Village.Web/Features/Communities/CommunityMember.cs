namespace Village.Web.Features.Communities;

public sealed class CommunityMember
{
    public Guid CommunityId { get; set; }

    public Guid MemberId { get; set; }

    public CommunityRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>Whether the member receives the community's newsletter: yes from joining, until they say no.</summary>
    public bool NewsletterSubscribed { get; set; } = true;
}

public enum CommunityRole
{
    Member = 0,
    Admin = 1,
}
