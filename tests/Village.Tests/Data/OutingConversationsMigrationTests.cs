using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Messages;
using Village.Web.Features.Outings;

namespace Village.Tests.Data;

/// <summary>Migration 20261122153000_OutingConversations moves each outing's discussion into its group conversation:
/// run on a database left at the migration before, with an old discussion in it, then migrated up (and back down).</summary>
public sealed class OutingConversationsMigrationTests
{
    private const string Before = "20261122140000_ParentsAndMessages";

    [Fact]
    public async Task The_outings_discussions_become_their_conversations_with_the_same_messages_in_order()
    {
        using var database = TestDatabase.Create();
        var now = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        var organizer = NewMember(now);
        var family = NewMember(now);
        var waiting = NewMember(now);
        var gone = NewMember(now);
        var quiet = NewMember(now);
        var talked = NewOuting(organizer.Id, now, "Café poussettes");
        var silent = NewOuting(organizer.Id, now, "Balade au parc");
        var empty = NewOuting(quiet.Id, now, "Piscine des bébés");
        var date = new OutingOccurrence { Id = Guid.CreateVersion7(), OutingId = talked.Id, StartsAt = now.AddDays(3), EndsAt = now.AddDays(3).AddHours(1), GoingCount = 2 };
        var silentDate = new OutingOccurrence { Id = Guid.CreateVersion7(), OutingId = silent.Id, StartsAt = now.AddDays(4), EndsAt = now.AddDays(4).AddHours(1), GoingCount = 2 };
        var emptyDate = new OutingOccurrence { Id = Guid.CreateVersion7(), OutingId = empty.Id, StartsAt = now.AddDays(5), EndsAt = now.AddDays(5).AddHours(1), GoingCount = 1 };

        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            db.Users.AddRange(organizer, family, waiting, gone, quiet);
            db.Outings.AddRange(talked, silent, empty);
            db.OutingOccurrences.AddRange(date, silentDate, emptyDate);
            db.OutingParticipations.AddRange(
                Participation(date.Id, family.Id, ParticipationStatus.Going, now.AddHours(1)),
                Participation(date.Id, waiting.Id, ParticipationStatus.Waiting, now.AddHours(2)),
                Participation(silentDate.Id, family.Id, ParticipationStatus.Going, now.AddHours(3)),
                // The organiser's family has a place at each of its dates: alone, it opens no conversation.
                Participation(date.Id, organizer.Id, ParticipationStatus.Going, now),
                Participation(emptyDate.Id, quiet.Id, ParticipationStatus.Going, now));
            await db.SaveChangesAsync();

            // Written out of order on purpose: the sequence follows the time they were written. A hostile text stays text.
            await InsertOldMessageAsync(db, database.Provider, talked.Id, family.Id, "Super, à jeudi ! <script>alert(1)</script>", false, now.AddHours(5));
            await InsertOldMessageAsync(db, database.Provider, talked.Id, organizer.Id, "J'aurai un bonnet jaune.", true, now.AddHours(4));
            await InsertOldMessageAsync(db, database.Provider, talked.Id, null, "Message d'un compte supprimé", false, now.AddHours(6));
            await InsertOldMessageAsync(db, database.Provider, talked.Id, gone.Id, "Finalement je ne viens pas.", false, now.AddHours(7));
        }

        await using (var db = database.NewContext())
        {
            await db.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            var conversation = await db.Conversations.Include(c => c.Members).SingleAsync(c => c.OutingId == talked.Id);
            Assert.Equal(ConversationKind.Outing, conversation.Kind);
            Assert.Equal(4, conversation.LastSequence);
            Assert.Equal(now.AddHours(7), conversation.LastMessageAt);
            // The organiser and the families with a place (going or waiting) read it; a parent who wrote then left does not.
            Assert.Equal(new[] { organizer.Id, family.Id, waiting.Id }.Order(), conversation.Members.Select(m => m.MemberId).Order());
            Assert.All(conversation.Members, m => Assert.Equal(4, m.ReadSequence));

            var messages = await db.Messages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Sequence).ToListAsync();
            Assert.Equal([1L, 2L, 3L, 4L], messages.Select(m => m.Sequence));
            Assert.Equal(["J'aurai un bonnet jaune.", "Super, à jeudi ! <script>alert(1)</script>", "Message d'un compte supprimé", "Finalement je ne viens pas."], messages.Select(m => m.Text));
            Assert.Equal([organizer.Id, family.Id, null, gone.Id], messages.Select(m => m.AuthorId));

            // An outing with families but no message yet has its (empty) conversation; one with nobody yet has none.
            var quietOne = await db.Conversations.Include(c => c.Members).SingleAsync(c => c.OutingId == silent.Id);
            Assert.Equal(0, quietOne.LastSequence);
            Assert.Equal(new[] { organizer.Id, family.Id }.Order(), quietOne.Members.Select(m => m.MemberId).Order());
            Assert.False(await db.Conversations.AnyAsync(c => c.OutingId == empty.Id));
            Assert.Equal(2, await db.Conversations.CountAsync());
            Assert.Equal(4, await db.Messages.CountAsync());

            // And back: the old table again, with the organiser's messages marked.
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var back = await db.Database.SqlQueryRaw<int>(
                """SELECT COUNT(*) AS "Value" FROM "OutingMessages" WHERE "FromOrganizer" = TRUE""").SingleAsync();
            Assert.Equal(1, back);
            Assert.Equal(4, await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "OutingMessages" """).SingleAsync());
            Assert.False(await db.Conversations.AnyAsync());
        }
    }

    private static Member NewMember(DateTime now)
    {
        var name = $"m-{Guid.NewGuid():N}";
        return new Member { Id = Guid.CreateVersion7(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@example.org", CreatedAt = now };
    }

    private static Outing NewOuting(Guid organizerId, DateTime now, string title) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizerId = organizerId,
        Title = title,
        Description = "Un moment tranquille entre parents.",
        Address = "Rue de Fer 12",
        TownId = "TEST",
        TownName = "Testville",
        Country = "BE",
        TimeZone = OutingData.Brussels,
        StartsAtLocal = now.AddDays(3),
        DurationMinutes = 60,
        MaxAgeMonths = 24,
        MaxFamilies = 4,
        IsFree = true,
        CreatedAt = now,
    };

    private static OutingParticipation Participation(Guid occurrenceId, Guid memberId, ParticipationStatus status, DateTime joinedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurrenceId = occurrenceId,
        MemberId = memberId,
        Adults = 1,
        Children = 1,
        Status = status,
        JoinedAt = joinedAt,
    };

    /// <summary>A row of the old table (no entity maps it any more). SQLite keeps ids as upper-case text, as EF writes them.</summary>
    private static Task<int> InsertOldMessageAsync(VillageDb db, DatabaseProvider provider, Guid outingId, Guid? authorId, string text, bool fromOrganizer, DateTime at)
    {
        object Key(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        object? author = authorId is { } a ? Key(a) : null;
        return db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "OutingMessages" ("Id", "OutingId", "AuthorId", "Text", "FromOrganizer", "CreatedAt") VALUES ({0}, {1}, {2}, {3}, {4}, {5})""",
            Key(Guid.CreateVersion7()), Key(outingId), author!, text, fromOrganizer, at);
    }
}
