namespace Village.Web.Features.Moderation;

/// <summary>What the "Signaler" and "Bloquer" links act on: kind is "post", "comment" or "member"; the member to
/// block is the author (null once their account is gone).</summary>
public sealed record SafetyLinks(string Kind, Guid TargetId, Guid? MemberId)
{
    public static SafetyLinks ForPost(Guid id, Guid? authorId) => new("post", id, authorId);

    public static SafetyLinks ForComment(Guid id, Guid? authorId) => new("comment", id, authorId);

    public static SafetyLinks ForMember(Guid id) => new("member", id, id);
}
