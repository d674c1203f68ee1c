using Village.Web.Features.Moderation;

namespace Village.Web.Features.Posts;

/// <summary>Something a member shares with their community: a question, a tip, an item, a recommendation, or an
/// admins' announcement. The text is Markdown without HTML.</summary>
public sealed class Post
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Null once the author deleted their account: the post stays, unsigned.</summary>
    public Guid? AuthorId { get; set; }

    public PostKind Kind { get; set; }

    public ItemMode? ItemMode { get; set; }

    /// <summary>For an item for sale, in cents of euro (or franc).</summary>
    public int? PriceCents { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>Title and body lowercased without accents, for search with LIKE on both databases.</summary>
    public string SearchText { get; set; } = "";

    public PostState State { get; set; }

    public bool IsPinned { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public int CommentCount { get; set; }

    public int ThanksCount { get; set; }

    /// <summary>Hidden or removed by moderators: shown only to its author (with the reason) and to moderators.</summary>
    public ModerationState Moderation { get; set; }

    public string? ModerationReason { get; set; }

    /// <summary>The states that make sense for this post: a question gets answered, an item offered gets given, an
    /// item wanted gets found; tips, recommendations and announcements simply stay.</summary>
    public IReadOnlyList<PostState> PossibleStates => Kind switch
    {
        PostKind.Question => [PostState.Open, PostState.Answered],
        PostKind.Item when ItemMode == Posts.ItemMode.Wanted => [PostState.Open, PostState.Found],
        PostKind.Item => [PostState.Open, PostState.Given],
        _ => [],
    };
}

public enum PostKind
{
    Question = 0,
    Tip = 1,
    Item = 2,
    Recommendation = 3,
    Announcement = 4,
}

public enum ItemMode
{
    Give = 0,
    Lend = 1,
    Swap = 2,
    Sell = 3,
    Wanted = 4,
}

/// <summary>Where a post stands: a question answered, an item given, something wanted found.</summary>
public enum PostState
{
    Open = 0,
    Answered = 1,
    Given = 2,
    Found = 3,
}

public sealed class Comment
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public Guid? AuthorId { get; set; }

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public ModerationState Moderation { get; set; }

    public string? ModerationReason { get; set; }
}

/// <summary>A member's "merci" on a post: one per member.</summary>
public sealed class PostThanks
{
    public Guid PostId { get; set; }

    public Guid MemberId { get; set; }
}
