using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Messages;

namespace Village.Tests.Features.Messages;

/// <summary>The unread-message emails: after the delay, once per batch, in the reader's language, without the sender's
/// name nor the text, never to a parent who read in time nor for their own messages.</summary>
public sealed class UnreadMessageEmailsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_parent_with_unread_messages_gets_one_email_per_batch_without_name_nor_text()
    {
        var (_, samirId) = await factory.ParentAsync("Samir Bensaïd");
        var (_, camilleId) = await factory.ParentAsync("Camille");
        var (_, leaId) = await factory.ParentAsync("Léa");
        var camille = await factory.EmailOfAsync(camilleId);
        var lea = await factory.EmailOfAsync(leaId);
        var samir = await factory.EmailOfAsync(samirId);
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == leaId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en")));
        var withCamille = await factory.OpenAsync(samirId, camilleId);
        var withLea = await factory.OpenAsync(samirId, leaId);
        await factory.PostAsync(withCamille, samirId, "Le rendez-vous secret est au parc de la Citadelle");
        await factory.PostAsync(withCamille, samirId, "<b>À samedi</b>");
        await factory.PostAsync(withLea, samirId, "Hello Léa, secret plan");
        var job = factory.Services.GetRequiredService<UnreadMessageEmails>();
        try
        {
            // Too early: nothing.
            await job.SendDueAsync(CancellationToken.None);
            Assert.Empty(await factory.EmailsToAsync(camille));

            factory.Clock.Advance(TimeSpan.FromMinutes(16));
            await job.SendDueAsync(CancellationToken.None);
            var email = Assert.Single(await factory.EmailsToAsync(camille));
            Assert.Equal("Des messages vous attendent sur Village", email.Subject);
            foreach (var body in new[] { email.TextBody, email.HtmlBody, email.Subject })
            {
                Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("samedi", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Samir", body, StringComparison.Ordinal);
            }

            Assert.Contains("/messages", email.TextBody, StringComparison.Ordinal);
            Assert.Equal("Messages are waiting for you on Village", Assert.Single(await factory.EmailsToAsync(lea)).Subject);
            Assert.Empty(await factory.EmailsToAsync(samir));

            // The same batch never twice, even with two instances' jobs running together.
            var again = await Task.WhenAll(job.SendDueAsync(CancellationToken.None), job.SendDueAsync(CancellationToken.None));
            Assert.Equal([0, 0], again);
            Assert.Single(await factory.EmailsToAsync(camille));

            // Camille reads; Léa does not. A new message for each: only Léa is emailed about the new batch... and
            // Camille too, since she has not read the new one. Then Camille reads in time: no email.
            await factory.QueryAsync(db => db.ConversationMembers.Where(m => m.MemberId == camilleId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSequence, 2L)));
            await factory.PostAsync(withCamille, samirId, "Encore un mot");
            await factory.PostAsync(withLea, samirId, "One more word");
            await factory.QueryAsync(db => db.ConversationMembers.Where(m => m.MemberId == camilleId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSequence, 3L)));
            factory.Clock.Advance(TimeSpan.FromMinutes(16));
            await job.SendDueAsync(CancellationToken.None);
            Assert.Single(await factory.EmailsToAsync(camille));
            Assert.Equal(2, (await factory.EmailsToAsync(lea)).Count);
        }
        finally
        {
            factory.Clock.Reset();
        }
    }
}

public static class EmailSteps
{
    public static Task<string> EmailOfAsync(this VillageFactory factory, Guid memberId) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync());
}
