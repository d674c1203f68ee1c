namespace Village.Web.Features.Communities;

public sealed class CommunityMember
{
    public Guid CommunityId { get; set; }

    public Guid MemberId { get; set; }

    public CommunityRole Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

public enum CommunityRole
{
    Member = 0,
    Admin = 1,
}
