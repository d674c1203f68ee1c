namespace Village.Web.Features.Ideas;

/// <summary>A member's suggestion for the community, which members vote for and its admins answer.</summary>
public sealed class Idea
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Null once the author deleted their account: the idea stays, unsigned.</summary>
    public Guid? AuthorId { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public IdeaStatus Status { get; set; }

    /// <summary>The admins' answer, shown on the idea.</summary>
    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public int VoteCount { get; set; }
}

public enum IdeaStatus
{
    New = 0,
    Planned = 1,
    Done = 2,
    NotNow = 3,
}

/// <summary>A member's vote for an idea: one per member, which they may withdraw.</summary>
public sealed class IdeaVote
{
    public Guid Id { get; set; }

    public Guid IdeaId { get; set; }

    /// <summary>Null once the member deleted their account: the vote still counts, tied to no one.</summary>
    public Guid? MemberId { get; set; }
}
