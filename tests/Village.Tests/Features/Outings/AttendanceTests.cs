using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Moderation;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>The attendance rules on a real database: capacity in families (the organiser's counts), the waiting list in
/// join order, promotion when a family leaves, one place per family, blocks, and seats taken at the same moment.</summary>
public sealed class AttendanceTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Capacity_counts_families_with_the_organisers_and_the_waiting_list_keeps_join_order()
    {
        var (organizer, occurrence) = await OutingAsync(maxFamilies: 3);
        var (b, c, d, e) = (await MemberAsync(), await MemberAsync(), await MemberAsync(), await MemberAsync());

        Assert.Equal(Attendance.JoinResult.Going, await JoinAsync(occurrence, b, adults: 2, children: 3));
        Assert.Equal(Attendance.JoinResult.Going, await JoinAsync(occurrence, c));
        Assert.Equal(Attendance.JoinResult.Waiting, await JoinAsync(occurrence, d));
        Assert.Equal(Attendance.JoinResult.Waiting, await JoinAsync(occurrence, e));
        Assert.Equal(Attendance.JoinResult.AlreadyIn, await JoinAsync(occurrence, b));
        Assert.Equal(Attendance.JoinResult.AlreadyIn, await JoinAsync(occurrence, organizer));

        var date = await factory.QueryAsync(db => db.OutingOccurrences.SingleAsync(o => o.Id == occurrence));
        Assert.Equal(3, date.GoingCount);
        var going = await StatusesAsync(occurrence);
        Assert.Equal(ParticipationStatus.Going, going[organizer]);
        Assert.Equal(ParticipationStatus.Waiting, going[d]);
        var b2 = await factory.QueryAsync(db => db.OutingParticipations.SingleAsync(p => p.OccurrenceId == occurrence && p.MemberId == b));
        Assert.Equal((2, 3), (b2.Adults, b2.Children));
    }

    [Fact]
    public async Task When_a_family_leaves_the_first_waiting_family_takes_the_seat_and_is_told()
    {
        var (organizer, occurrence) = await OutingAsync(maxFamilies: 2);
        var (b, c, d) = (await MemberAsync(), await MemberAsync(), await MemberAsync());
        await JoinAsync(occurrence, b);
        await JoinAsync(occurrence, c);
        await JoinAsync(occurrence, d);

        Assert.Equal(Attendance.LeaveResult.Organizer, await LeaveAsync(occurrence, organizer));
        Assert.Equal(Attendance.LeaveResult.Left, await LeaveAsync(occurrence, b));
        Assert.Equal(Attendance.LeaveResult.NotIn, await LeaveAsync(occurrence, b));

        var statuses = await StatusesAsync(occurrence);
        Assert.Equal(ParticipationStatus.Going, statuses[c]);
        Assert.Equal(ParticipationStatus.Waiting, statuses[d]);
        Assert.Equal(2, await factory.QueryAsync(db => db.OutingOccurrences.Where(o => o.Id == occurrence).Select(o => o.GoingCount).SingleAsync()));
        var cAddress = await AddressAsync(c);
        Assert.Contains(await factory.EmailsToAsync(cAddress), m => m.Subject.Contains("place", StringComparison.Ordinal));
        Assert.DoesNotContain(await factory.EmailsToAsync(await AddressAsync(d)), m => m.Subject.Contains("place", StringComparison.Ordinal));

        // A waiting family that leaves frees no seat and moves nobody.
        Assert.Equal(Attendance.LeaveResult.Left, await LeaveAsync(occurrence, d));
        Assert.Equal(2, await factory.QueryAsync(db => db.OutingOccurrences.Where(o => o.Id == occurrence).Select(o => o.GoingCount).SingleAsync()));
    }

    [Fact]
    public async Task Blocked_parents_cannot_join_each_others_outings_nor_anyone_a_cancelled_date()
    {
        var (organizer, occurrence) = await OutingAsync(maxFamilies: 5);
        var blocked = await MemberAsync();
        await factory.QueryAsync(db =>
        {
            db.Blocks.Add(new Block { BlockerId = organizer, BlockedId = blocked, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        Assert.Equal(Attendance.JoinResult.Blocked, await JoinAsync(occurrence, blocked));

        await factory.QueryAsync(db => db.OutingOccurrences.Where(o => o.Id == occurrence).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true)));
        Assert.Equal(Attendance.JoinResult.NotOpen, await JoinAsync(occurrence, await MemberAsync()));
    }

    [Fact]
    public async Task Families_clicking_at_the_same_moment_never_take_more_seats_than_there_are()
    {
        var (_, occurrence) = await OutingAsync(maxFamilies: 4);
        var members = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            members.Add(await MemberAsync());
        }

        var results = await Task.WhenAll(members.Select(m => Task.Run(() => JoinAsync(occurrence, m))));

        Assert.Equal(3, results.Count(r => r == Attendance.JoinResult.Going));
        Assert.Equal(9, results.Count(r => r == Attendance.JoinResult.Waiting));
        Assert.Equal(4, await factory.QueryAsync(db => db.OutingOccurrences.Where(o => o.Id == occurrence).Select(o => o.GoingCount).SingleAsync()));
        Assert.Equal(4, (await StatusesAsync(occurrence)).Count(s => s.Value == ParticipationStatus.Going));
    }

    private async Task<(Guid Organizer, Guid Occurrence)> OutingAsync(int maxFamilies)
    {
        var organizer = await MemberAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var outing = new Outing
        {
            Id = Guid.CreateVersion7(),
            OrganizerId = organizer,
            Title = "Bébés nageurs",
            Address = "Piscine de Jambes",
            TownId = "x",
            TownName = "Namur",
            Country = "BE",
            TimeZone = "Europe/Brussels",
            StartsAtLocal = DateTime.SpecifyKind(OutingSchedule.ToLocal(now, "Europe/Brussels").Date.AddDays(3).AddHours(10), DateTimeKind.Utc),
            DurationMinutes = 60,
            MaxFamilies = maxFamilies,
            CreatedAt = now,
        };
        db.Outings.Add(outing);
        await db.SaveChangesAsync();
        Assert.Equal(1, await OutingDates.TopUpAsync(db, outing, now));
        Assert.Equal(0, await OutingDates.TopUpAsync(db, outing, now));
        var occurrence = await db.OutingOccurrences.Where(o => o.OutingId == outing.Id).Select(o => o.Id).SingleAsync();
        return (organizer, occurrence);
    }

    private async Task<Guid> MemberAsync()
    {
        var email = AccountSteps.NewAddress();
        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountCreation>().CreateConfirmedAsync(email, AccountSteps.Password, "Parent", [Roles.Parent]);
        Assert.True(created.Succeeded);
        return await scope.ServiceProvider.GetRequiredService<VillageDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private Task<string> AddressAsync(Guid member) => factory.QueryAsync(db => db.Users.Where(u => u.Id == member).Select(u => u.Email!).SingleAsync());

    private async Task<Attendance.JoinResult> JoinAsync(Guid occurrence, Guid member, int adults = 1, int children = 1)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Attendance>().JoinAsync(occurrence, member, adults, children, false);
    }

    private async Task<Attendance.LeaveResult> LeaveAsync(Guid occurrence, Guid member)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Attendance>().LeaveAsync(occurrence, member);
    }

    private Task<Dictionary<Guid, ParticipationStatus>> StatusesAsync(Guid occurrence) =>
        factory.QueryAsync(db => db.OutingParticipations.Where(p => p.OccurrenceId == occurrence).ToDictionaryAsync(p => p.MemberId, p => p.Status));
}
