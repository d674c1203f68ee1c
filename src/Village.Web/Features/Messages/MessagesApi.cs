using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Messages;

/// <summary>Conversations and messages in JSON, for signed-in parents (the site's cookie): the same rules as the pages
/// — only a conversation's members read it or write in it (anyone else: 404, as for one that does not exist), a block
/// stops the writing (403), the rate limit (429), the text required and at most 2,000 characters (400).</summary>
public static class MessagesApi
{
    public static void MapMessagesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/conversations").RequireAuthorization().WithTags("Messages");
        api.MapGet("", ListAsync).WithName("GetConversations")
            .WithSummary("My conversations, the newest message first, 20 per page (p=2 for the next), with my unread count in each.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("{id:guid}/messages", MessagesAsync).WithName("GetMessages")
            .WithSummary("A conversation's messages in order: the latest 30, or the 30 before a sequence (before=N), or those after one (after=N).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("{id:guid}/messages", SendAsync).WithName("PostMessage")
            .WithSummary("Writes a message in a conversation; it is numbered after the last one and marked read for its author.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("{id:guid}/read", ReadAsync).WithName("MarkConversationRead")
            .WithSummary("Marks the conversation read up to a sequence (never lowered).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<ConversationsResponse>, ProblemHttpResult>> ListAsync(
        int? p, HttpContext http, VillageDb db, Conversations conversations)
    {
        var page = p ?? 1;
        if (page is < 1 or > 10_000)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "p must be between 1 and 10000.");
        }

        var lines = await IndexModel.ListAsync(db, conversations, http.User.MemberId(), (page - 1) * IndexModel.PageSize, IndexModel.PageSize + 1);
        return TypedResults.Ok(new ConversationsResponse(
            page, lines.Count > IndexModel.PageSize,
            [.. lines.Take(IndexModel.PageSize).Select(l => new ConversationItem(
                l.Id, l.Kind, l.Title, l.OutingId is { } outing ? $"/outings/{outing}" : null, l.Preview, l.LastMessageAt, l.Unread, $"/messages/{l.Id}"))]));
    }

    private static async Task<Results<Ok<MessagesResponse>, ProblemHttpResult>> MessagesAsync(
        Guid id, long? before, long? after, HttpContext http, MessageReading reading)
    {
        if (before is < 1 || after is < 0 || (before is not null && after is not null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give before (at least 1) or after (at least 0), not both.");
        }

        var me = http.User.MemberId();
        if (await reading.FindAsync(me, id) is not { } conversation)
        {
            return NotFound();
        }

        var size = reading.Options.PageSize;
        var messages = await reading.MessagesAsync(me, id, before, after, size + 1);
        var more = messages.Count > size;
        var shown = after is not null ? messages.Take(size) : messages.Skip(more ? 1 : 0);
        return TypedResults.Ok(new MessagesResponse(
            conversation.Id, conversation.Kind, conversation.Title, conversation.LastSequence, conversation.ReadSequence, !conversation.Blocked, more,
            [.. shown.Select(ToItem)]));
    }

    private static async Task<Results<Created<MessageItem>, ProblemHttpResult>> SendAsync(
        Guid id, NewMessage body, HttpContext http, MessageReading reading)
    {
        var me = http.User.MemberId();
        var sent = await reading.SendAsync(me, id, body.Text, http.RequestAborted);
        return sent.Outcome switch
        {
            SendOutcome.Sent => TypedResults.Created(
                $"/api/conversations/{id}/messages?after={sent.Message!.Sequence - 1}",
                new MessageItem(sent.Message.Id, sent.Message.Sequence, null, true, sent.Message.Text, sent.Message.CreatedAt, sent.Message.Moderation)),
            SendOutcome.NotFound => NotFound(),
            SendOutcome.Blocked => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You can no longer write in this conversation."),
            SendOutcome.TooMany => TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: $"At most {sent.Limit} messages in ten minutes: wait a few minutes."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: $"text is required and at most {MessagesConfiguration.TextMax} characters."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(
        Guid id, ReadUpTo body, HttpContext http, MessageReading reading)
    {
        var me = http.User.MemberId();
        if (await reading.FindAsync(me, id) is not { } conversation)
        {
            return NotFound();
        }

        if (body.Sequence < 0 || body.Sequence > conversation.LastSequence)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "sequence must be between 0 and the conversation's last sequence.");
        }

        await reading.MarkReadAsync(me, id, body.Sequence, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static MessageItem ToItem(MessageView m) => new(m.Id, m.Sequence, m.IsMine ? null : m.AuthorName, m.IsMine, m.Text, m.CreatedAt, m.Moderation);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or not readable by you.");

    public sealed record ConversationsResponse(int Page, bool HasNextPage, IReadOnlyList<ConversationItem> Conversations);

    /// <summary>A conversation: <c>Title</c> is the other parent's name (null once they left) or the outing's title.</summary>
    public sealed record ConversationItem(
        Guid Id, ConversationKind Kind, string? Title, string? Outing, string? LastMessage, DateTime LastMessageAt, long Unread, string Url);

    /// <summary>Messages in order; <c>MayWrite</c> is false once one of two parents blocked the other; <c>HasMore</c>
    /// says there are older (or, with after, newer) ones.</summary>
    public sealed record MessagesResponse(
        Guid Id, ConversationKind Kind, string? Title, long LastSequence, long ReadSequence, bool MayWrite, bool HasMore, IReadOnlyList<MessageItem> Messages);

    /// <summary>A message; <c>Author</c> is null for my own and for a parent who left Village. Only its author is
    /// shown a message moderators hid, with that state.</summary>
    public sealed record MessageItem(Guid Id, long Sequence, string? Author, bool Mine, string Text, DateTime CreatedAt, ModerationState Moderation);

    public sealed record NewMessage([property: Required, StringLength(MessagesConfiguration.TextMax)] string? Text);

    public sealed record ReadUpTo(long Sequence);
}
