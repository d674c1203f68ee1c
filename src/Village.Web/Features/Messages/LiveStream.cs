using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Moderation;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

/// <summary>GET /messages/stream: the Server-Sent Events a signed-in parent's open /messages pages listen to.
/// <para>Order and exactly-once: the stream subscribes to <see cref="ILiveEvents"/> first, then reads what it must
/// catch up on, so nothing falls between. Events only wake it: on each one it reads from the database, through
/// <see cref="Conversations.Of"/> (membership checked on every read), the messages of the viewed conversation after
/// the last sequence it sent, in sequence order, and moves its cursor. A late, repeated or lost event can therefore
/// neither repeat, reorder nor skip a message. Each message event's id is "{conversation}:{sequence}", which the
/// browser sends back as Last-Event-ID when it reconnects: the new stream starts after it.</para>
/// <para>Messages travel only for the conversation named in ?conversation= (the page being read); for every other
/// conversation the stream sends the parent's unread total ("unread" event), for the navigation badge.</para></summary>
public static class LiveStream
{
    public const string Path = "/messages/stream";

    /// <summary>The most messages one catch-up sends; the rest follow at once in the next read.</summary>
    private const int Batch = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapLiveMessages(this WebApplication app) =>
        app.MapGet(Path, StreamAsync).ExcludeFromDescription();

    /// <summary>A cursor "{conversation}:{sequence}" (the SSE id), or null when it is not one.</summary>
    public static (Guid Conversation, long Sequence)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 80)
        {
            return null;
        }

        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Guid.TryParse(cursor.AsSpan(0, colon), out var conversation)
            && long.TryParse(cursor.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (conversation, sequence)
            : null;
    }

    private static async Task StreamAsync(
        HttpContext http,
        ILiveEvents live,
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        TimeProvider clock,
        IConfiguration configuration)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var me = http.User.MemberId();
        var query = http.Request.Query;
        Guid? viewed = null;
        long cursor = 0;
        if (query.ContainsKey("conversation"))
        {
            if (!Guid.TryParse(query["conversation"], out var id)
                || (query.ContainsKey("after") && !long.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out cursor)))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            viewed = id;
        }

        // A reconnecting browser resumes after the last message it received.
        if (ParseCursor(http.Request.Headers["Last-Event-ID"]) is { } resumed && resumed.Conversation == viewed)
        {
            cursor = Math.Max(cursor, resumed.Sequence);
        }

        if (viewed is { } asked)
        {
            using var scope = scopes.CreateScope();
            var conversations = scope.ServiceProvider.GetRequiredService<Conversations>();
            if (!await conversations.Of(me).AnyAsync(c => c.Id == asked, http.RequestAborted))
            {
                // Same answer as a conversation that does not exist, before any stream starts.
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellation = stop.Token;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-transform";
        // nginx: do not buffer this response (the docs also set proxy_buffering off for the path).
        http.Response.Headers["X-Accel-Buffering"] = "no";

        var heartbeat = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Live:HeartbeatSeconds", 20), 1, 300));
        await using var events = live.SubscribeAsync(me, cancellation).GetAsyncEnumerator(cancellation);
        try
        {
            // Subscribing starts with the first MoveNextAsync (the hub registers the stream before it waits), so it
            // comes before the catch-up below: an event for a message written meanwhile is kept, never lost.
            var next = events.MoveNextAsync().AsTask();
            // Tells the browser to retry after 3 s if the connection drops.
            await http.Response.WriteAsync("retry: 3000\n\n", cancellation);
            cursor = await SendAsync(http, scopes, me, viewed, cursor, cancellation);
            Task? beat = null;
            while (!cancellation.IsCancellationRequested)
            {
                beat ??= Task.Delay(heartbeat, clock, cancellation);
                if (await Task.WhenAny(next, beat) == beat)
                {
                    await beat;
                    beat = null;
                    // A comment line: keeps proxies and the browser from closing an idle connection.
                    await http.Response.WriteAsync(": heartbeat\n\n", cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                // Several events waiting are one catch-up: the read after the cursor covers them all.
                var wake = true;
                while (wake)
                {
                    next = events.MoveNextAsync().AsTask();
                    wake = next.IsCompletedSuccessfully && next.Result;
                }

                cursor = await SendAsync(http, scopes, me, viewed, cursor, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The browser left or the app is stopping: the stream simply ends.
        }
    }

    /// <summary>Sends the viewed conversation's messages after the cursor, then the unread total; returns the new cursor.</summary>
    private static async Task<long> SendAsync(HttpContext http, IServiceScopeFactory scopes, Guid me, Guid? viewed, long cursor, CancellationToken cancellation)
    {
        using var scope = scopes.CreateScope();
        var reading = scope.ServiceProvider.GetRequiredService<MessageReading>();
        var conversations = scope.ServiceProvider.GetRequiredService<Conversations>();
        var text = new StringBuilder();
        // Membership is checked on every read: a parent who left the conversation since receives nothing more.
        if (viewed is { } id && await conversations.Of(me).AnyAsync(c => c.Id == id, cancellation))
        {
            while (true)
            {
                var messages = await reading.MessagesAsync(me, id, before: null, after: cursor, Batch);
                foreach (var m in messages)
                {
                    cursor = m.Sequence;
                    var data = new LiveMessage(id, m.Sequence, m.AuthorId is null ? null : m.AuthorName ?? "", m.IsMine, m.Text,
                        DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc), m.Moderation != ModerationState.Visible);
                    text.Append("id: ").Append(id).Append(':').Append(m.Sequence.ToString(CultureInfo.InvariantCulture))
                        .Append("\nevent: message\ndata: ").Append(JsonSerializer.Serialize(data, Json)).Append("\n\n");
                }

                if (messages.Count < Batch)
                {
                    break;
                }
            }
        }

        var unread = await scope.ServiceProvider.GetRequiredService<UnreadMessages>().CountAsync(me, cancellation);
        text.Append("event: unread\ndata: ").Append(JsonSerializer.Serialize(new { unread }, Json)).Append("\n\n");
        await http.Response.WriteAsync(text.ToString(), cancellation);
        await http.Response.Body.FlushAsync(cancellation);
        return cursor;
    }

    /// <summary>One message as the stream sends it. Author is null once its author left Village; the browser writes
    /// every field as text (textContent), never as HTML.</summary>
    public sealed record LiveMessage(Guid Conversation, long Sequence, string? Author, bool Mine, string Text, DateTime At, bool Hidden);
}
