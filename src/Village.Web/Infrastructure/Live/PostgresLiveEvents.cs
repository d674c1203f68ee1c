using System.Text.Json;
using Npgsql;

namespace Village.Web.Infrastructure.Live;

/// <summary>Live events across several app instances sharing one PostgreSQL database. Publishing delivers to this
/// instance's streams at once (the <see cref="LiveHub"/>) and sends a NOTIFY on <see cref="Channel"/>; a background
/// service holds one dedicated connection that LISTENs on it and hands the other instances' events to the local hub.
/// If that connection drops it reconnects with a growing pause, then tells every local stream to read again from the
/// database, since notifications sent meanwhile are lost (the streams' cursors make that read exact).</summary>
public sealed class PostgresLiveEvents : BackgroundService, ILiveEvents
{
    public const string Channel = "village_live";

    /// <summary>Member ids per notification: a NOTIFY payload must stay under 8000 bytes (a Guid is 38 in JSON).</summary>
    public const int MembersPerNotification = 150;

    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private readonly LiveHub hub;
    private readonly NpgsqlDataSource source;
    private readonly string listenConnection;
    private readonly ILogger<PostgresLiveEvents> logger;

    /// <summary>This instance's notifications come back to it through LISTEN: it already delivered them.</summary>
    private readonly Guid instance = Guid.NewGuid();

    public PostgresLiveEvents(LiveHub hub, string connectionString, ILogger<PostgresLiveEvents> logger)
    {
        this.hub = hub;
        this.logger = logger;
        source = NpgsqlDataSource.Create(connectionString);
        listenConnection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Not from the pool, and noticed within a minute if the server or the network goes away.
            Pooling = false,
            KeepAlive = 30,
        }.ConnectionString;
    }

    /// <summary>How many times the LISTEN connection was (re)opened: for the logs and the tests.</summary>
    public int Connections { get; private set; }

    /// <summary>True while the LISTEN connection is open.</summary>
    public bool Listening { get; private set; }

    public async Task PublishAsync(LiveEvent live, CancellationToken cancellation = default)
    {
        hub.Deliver(live);
        var members = live.MemberIds.Distinct().ToList();
        await using var connection = await source.OpenConnectionAsync(cancellation);
        for (var i = 0; i < Math.Max(members.Count, 1); i += MembersPerNotification)
        {
            var chunk = members.Skip(i).Take(MembersPerNotification).ToList();
            var payload = JsonSerializer.Serialize(new Notification(instance, live.Kind, live.SubjectId, live.Sequence, chunk));
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync(cancellation);
        }
    }

    public IAsyncEnumerable<LiveEvent> SubscribeAsync(Guid memberId, CancellationToken cancellation) =>
        hub.SubscribeAsync(memberId, cancellation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnection);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                Connections++;
                if (Connections > 1)
                {
                    logger.LogInformation("Live events: listening again; open streams catch up from the database.");
                    hub.Deliver(new LiveEvent(LiveEventKind.Resync, hub.ConnectedMembers(), Guid.Empty, 0));
                }

                pause = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Live events: the LISTEN connection failed; trying again in {Pause}.", pause);
            }
            finally
            {
                Listening = false;
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var notification = JsonSerializer.Deserialize<Notification>(payload);
            if (notification is not null && notification.From != instance)
            {
                hub.Deliver(new LiveEvent(notification.Kind, notification.Members, notification.Subject, notification.Sequence));
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Live events: a notification that is not ours on {Channel}.", Channel);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        source.Dispose();
    }

    private sealed record Notification(Guid From, LiveEventKind Kind, Guid Subject, long Sequence, List<Guid> Members);
}
