using System.Net;
using System.Text;
using System.Text.Json;

namespace Village.Tests.Features.Messages;

/// <summary>One Server-Sent Event as a browser's EventSource reads it.</summary>
public sealed record ServerEvent(string? Id, string Event, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public long Sequence => Json.GetProperty("sequence").GetInt64();
}

/// <summary>A GET /messages/stream read line by line, the way EventSource parses it (comments and retry skipped).</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public static async Task<EventStream> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new EventStream(response, reader);
    }

    /// <summary>The next event, or null if none comes within the timeout.</summary>
    public async Task<ServerEvent?> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? id = null;
        var kind = "message";
        var data = new StringBuilder();
        try
        {
            while (true)
            {
                var line = await reader.ReadLineAsync(cancel.Token);
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        return new ServerEvent(id, kind, data.ToString());
                    }

                    continue;
                }

                if (line.StartsWith(':'))
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id":
                        id = value;
                        break;
                    case "event":
                        kind = value;
                        break;
                    case "data":
                        data.Append(data.Length > 0 ? "\n" : "").Append(value);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads events until <paramref name="count"/> message events came, or the time is up; returns every event read.</summary>
    public async Task<List<ServerEvent>> ReadMessagesAsync(int count, TimeSpan timeout)
    {
        var until = Now + timeout;
        var events = new List<ServerEvent>();
        while (events.Count(e => e.Event == "message") < count && Now < until)
        {
            if (await NextAsync(until - Now) is not { } next)
            {
                break;
            }

            events.Add(next);
        }

        return events;
    }

    /// <summary>Every event that comes within the time.</summary>
    public async Task<List<ServerEvent>> ReadForAsync(TimeSpan time)
    {
        var until = Now + time;
        var events = new List<ServerEvent>();
        while (Now < until && await NextAsync(until - Now) is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    /// <summary>Waits for the next "unread" event and returns its total.</summary>
    public async Task<int> UnreadAsync(TimeSpan timeout)
    {
        var until = Now + timeout;
        while (Now < until && await NextAsync(until - Now) is { } next)
        {
            if (next.Event == "unread")
            {
                return next.Json.GetProperty("unread").GetInt32();
            }
        }

        throw new TimeoutException("No unread event came.");
    }

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
