namespace Village.Web.Features.Polls;

/// <summary>A question to the community with 2 to 10 choices, open until its closing time.</summary>
public sealed class Poll
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Null once the author deleted their account: the poll stays, unsigned.</summary>
    public Guid? AuthorId { get; set; }

    public string Question { get; set; } = "";

    /// <summary>Whether a member may tick several choices.</summary>
    public bool MultipleChoice { get; set; }

    /// <summary>When voting stops (UTC); closing early moves it to now.</summary>
    public DateTime ClosesAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>How many members voted (each once, whatever the number of choices they ticked).</summary>
    public int VoterCount { get; set; }

    public List<PollChoice> Choices { get; set; } = [];

    public bool IsClosed(DateTime now) => now >= ClosesAt;
}

public sealed class PollChoice
{
    public Guid Id { get; set; }

    public Guid PollId { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = "";

    public int VoteCount { get; set; }
}

/// <summary>One ticked choice of one member.</summary>
public sealed class PollVote
{
    public Guid Id { get; set; }

    public Guid PollId { get; set; }

    public Guid ChoiceId { get; set; }

    /// <summary>Null once the member deleted their account: the results stay as they were.</summary>
    public Guid? MemberId { get; set; }
}
