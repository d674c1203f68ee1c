using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Village.Web.Features.Outings;

namespace Village.Bench;

/// <summary>
/// The outings part of <c>generate</c>: <c>--outings</c> upcoming outings (50,000 by default) organised by bench parents
/// at their home town's position (so they are spread like the parents: many around Paris, Brussels, Lyon...), starting
/// over the next 8 weeks; one in four weekly (a date each week to the end of the 8 weeks); mixed ages, free or not,
/// indoor, outdoor or both; one in ten in a bench community. The organiser goes to each date, and about a third of the
/// dates have one to three more families (a few on a waiting list).
/// </summary>
internal static class OutingGenerator
{
    private static readonly (int Min, int Max)[] AgeRanges = [(0, 6), (0, 12), (0, 36), (3, 18), (6, 24), (12, 36), (18, 48), (24, 72), (0, 72)];

    private static readonly string[] Titles =
    [
        "Café poussettes", "Bébés lecteurs à la bibliothèque", "Balade au parc", "Piscine en famille", "Éveil musical",
        "Goûter entre parents", "Musée en poussette", "Atelier motricité", "Pique-nique au jardin", "Ludothèque",
    ];

    public sealed record Result(int Outings, int Dates, int Participations);

    public static async Task<Result> GenerateAsync(
        NpgsqlConnection conn, IReadOnlyList<(Guid Id, double Latitude, double Longitude, DateTime CreatedAt)> parents, int outings, int seed, DateTime today)
    {
        var step = Stopwatch.StartNew();
        var random = new Random(seed + 2);
        var communities = new List<Guid>();
        await using (var command = new NpgsqlCommand($"SELECT \"Id\" FROM \"Communities\" WHERE \"Slug\" LIKE '{BenchData.CommunityPrefix}%' ORDER BY \"Slug\" LIMIT 50", conn))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                communities.Add(reader.GetGuid(0));
            }
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var end = today.AddDays(56);
        var rows = new List<Outing>(outings);
        var dates = new List<OutingOccurrence>(outings * 2);
        var participations = new List<OutingParticipation>(outings * 3);
        for (var n = 0; n < outings; n++)
        {
            var organizer = parents[random.Next(parents.Count)];
            var (min, max) = AgeRanges[random.Next(AgeRanges.Length)];
            var localStart = today.AddDays(random.Next(0, 56)).AddHours(9 + random.Next(0, 9)).AddMinutes(random.Next(0, 4) * 15);
            var weekly = random.NextDouble() < 0.25;
            var createdAt = today.AddDays(-random.Next(1, 30));
            var outing = new Outing
            {
                Id = BenchData.Version7(random, createdAt),
                OrganizerId = organizer.Id,
                CommunityId = communities.Count > 0 && random.NextDouble() < 0.1 ? communities[random.Next(communities.Count)] : null,
                Title = Titles[random.Next(Titles.Length)],
                Description = "Un moment simple entre parents et tout-petits. Venez comme vous êtes.",
                Address = $"{random.Next(1, 200)} rue de la Gare",
                TownId = BenchData.OutingTownId,
                TownName = "Ville",
                Country = "FR",
                Latitude = organizer.Latitude,
                Longitude = organizer.Longitude,
                MeetingPoint = "Devant l'entrée",
                TimeZone = "Europe/Brussels",
                StartsAtLocal = localStart,
                DurationMinutes = 60 + (30 * random.Next(0, 4)),
                Recurrence = weekly ? OutingRecurrence.Weekly : OutingRecurrence.None,
                MinAgeMonths = min,
                MaxAgeMonths = max,
                MaxFamilies = random.Next(3, 9),
                IsFree = random.NextDouble() < 0.6,
                Setting = (OutingSetting)random.Next(0, 3),
                Welcome = (WelcomeOffer)random.Next(0, 3),
                Rhythm = (RhythmTags)random.Next(0, 16),
                Status = OutingStatus.Scheduled,
                CreatedAt = createdAt,
            };
            rows.Add(outing);
            for (var local = localStart; local < end; local = local.AddDays(7))
            {
                var starts = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
                var date = new OutingOccurrence
                {
                    Id = BenchData.Version7(random, createdAt),
                    OutingId = outing.Id,
                    StartsAt = starts,
                    EndsAt = starts.AddMinutes(outing.DurationMinutes),
                    GoingCount = 1,
                };
                participations.Add(Participation(random, date.Id, organizer.Id, ParticipationStatus.Going, createdAt));
                if (random.NextDouble() < 0.33)
                {
                    var others = random.Next(1, 4);
                    var taken = new HashSet<Guid> { organizer.Id };
                    for (var i = 0; i < others; i++)
                    {
                        var who = parents[random.Next(parents.Count)].Id;
                        if (!taken.Add(who))
                        {
                            continue;
                        }

                        var going = date.GoingCount < outing.MaxFamilies;
                        date.GoingCount += going ? 1 : 0;
                        participations.Add(Participation(random, date.Id, who, going ? ParticipationStatus.Going : ParticipationStatus.Waiting, createdAt));
                    }
                }

                dates.Add(date);
                if (!weekly)
                {
                    break;
                }
            }
        }

        await CopyOutingsAsync(conn, rows);
        await CopyDatesAsync(conn, dates);
        await CopyParticipationsAsync(conn, participations);
        Console.WriteLine($"Copied {rows.Count:N0} outings, {dates.Count:N0} dates and {participations.Count:N0} participations in {step.Elapsed.TotalSeconds:F1} s.");
        return new Result(rows.Count, dates.Count, participations.Count);
    }

    private static OutingParticipation Participation(Random random, Guid date, Guid member, ParticipationStatus status, DateTime at) => new()
    {
        Id = BenchData.Version7(random, at),
        OccurrenceId = date,
        MemberId = member,
        Adults = 1,
        Children = 1,
        Status = status,
        JoinedAt = at,
    };

    private static async Task CopyOutingsAsync(NpgsqlConnection conn, List<Outing> outings)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "Outings" ("Id", "OrganizerId", "CommunityId", "Title", "Description", "Address", "TownId", "TownName", "Country",
                "Latitude", "Longitude", "MeetingPoint", "TimeZone", "StartsAtLocal", "DurationMinutes", "Recurrence", "MinAgeMonths",
                "MaxAgeMonths", "MaxFamilies", "IsFree", "Setting", "Welcome", "Rhythm", "Status", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var o in outings)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(o.Id, NpgsqlDbType.Uuid);
            await writer.WriteNullableAsync(o.OrganizerId, NpgsqlDbType.Uuid);
            await writer.WriteNullableAsync(o.CommunityId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(o.Title, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Description, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Address, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.TownId, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.TownName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Country, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Latitude, NpgsqlDbType.Double);
            await writer.WriteAsync(o.Longitude, NpgsqlDbType.Double);
            await writer.WriteAsync(o.MeetingPoint, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.TimeZone, NpgsqlDbType.Varchar);
            await writer.WriteAsync(DateTime.SpecifyKind(o.StartsAtLocal, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(o.DurationMinutes, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)o.Recurrence, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.MinAgeMonths, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.MaxAgeMonths, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.MaxFamilies, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.IsFree, NpgsqlDbType.Boolean);
            await writer.WriteAsync((int)o.Setting, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)o.Welcome, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)o.Rhythm, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)o.Status, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyDatesAsync(NpgsqlConnection conn, List<OutingOccurrence> dates)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """COPY "OutingOccurrences" ("Id", "OutingId", "StartsAt", "EndsAt", "IsCancelled", "Sequence", "GoingCount") FROM STDIN (FORMAT BINARY)""");
        foreach (var d in dates)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(d.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(d.OutingId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(d.StartsAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(d.EndsAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(d.IsCancelled, NpgsqlDbType.Boolean);
            await writer.WriteAsync(d.Sequence, NpgsqlDbType.Integer);
            await writer.WriteAsync(d.GoingCount, NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyParticipationsAsync(NpgsqlConnection conn, List<OutingParticipation> participations)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "OutingParticipations" ("Id", "OccurrenceId", "MemberId", "Adults", "Children", "Status", "JoinedAt", "WantsMorningReminder")
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var p in participations)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(p.OccurrenceId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(p.MemberId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(p.Adults, NpgsqlDbType.Integer);
            await writer.WriteAsync(p.Children, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)p.Status, NpgsqlDbType.Integer);
            await writer.WriteAsync(p.JoinedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(p.WantsMorningReminder, NpgsqlDbType.Boolean);
        }

        await writer.CompleteAsync();
    }
}
