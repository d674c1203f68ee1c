using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Messages;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>An outing's discussion is its group conversation: who is in it as families join and leave, and the thread
/// on the outing's page (reading, writing, closed once cancelled, and the forbidden paths).</summary>
public sealed class OutingConversationTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Families_going_or_waiting_at_a_date_to_come_are_in_it_and_leave_it_with_their_last_date()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        var id = await a.ProposeAsync(factory, f =>
        {
            f["Input.Recurrence"] = "Weekly";
            f["Input.MaxFamilies"] = "2";
        });
        var dates = await factory.DatesAsync(id);
        Assert.True(dates.Count >= 2);

        // Nobody but the organiser yet: no conversation to list.
        Assert.Null(await ConversationAsync(id));

        await b.JoinAsync(id, $"?occurrence={dates[0].Id}");
        Assert.Equal(new[] { a.Id, b.Id }.Order(), await MembersAsync(id));

        await c.JoinAsync(id, $"?occurrence={dates[0].Id}");
        Assert.Equal(ParticipationStatus.Waiting, (await factory.ParticipationAsync(id, c.Id))!.Status);
        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), await MembersAsync(id));

        // Bruno comes the week after too: leaving the first date, he still has one to come.
        await b.JoinAsync(id, $"?occurrence={dates[1].Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await b.LeaveAsync(id, $"?occurrence={dates[0].Id}")).Status);
        Assert.Contains(b.Id, await MembersAsync(id));
        Assert.Equal(ParticipationStatus.Going, (await factory.ParticipationAsync(id, c.Id))!.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await b.LeaveAsync(id, $"?occurrence={dates[1].Id}")).Status);
        Assert.Equal(new[] { a.Id, c.Id }.Order(), await MembersAsync(id));
        await c.LeaveAsync(id, $"?occurrence={dates[0].Id}");
        Assert.Equal([a.Id], await MembersAsync(id));

        // One conversation per outing, whatever came and went.
        Assert.Equal(1, await factory.QueryAsync(db => db.Conversations.CountAsync(x => x.OutingId == id)));
    }

    [Fact]
    public async Task The_outing_page_reads_and_writes_the_conversation_for_its_members_only()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var outsider = await factory.ParentAsync("Dehors");
        using var visitor = factory.NewBrowser();
        var id = await a.ProposeAsync(factory);

        // The organiser writes first: the conversation opens with them.
        var first = await a.Browser.SubmitAsync(await a.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = "Bienvenue à toutes et à tous !" }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var conversation = (await ConversationAsync(id))!;
        Assert.Equal(ConversationKind.Outing, conversation.Kind);

        await b.JoinAsync(id);
        const string Hostile = "<script>alert('x')</script> '; DROP TABLE \"Messages\"; -- \u202Eevil";
        var posted = await b.Browser.SubmitAsync(await b.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = Hostile }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);

        var messages = await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal([1L, 2L], messages.Select(m => m.Sequence));
        Assert.Equal(Hostile, messages[1].Text);

        // Read on the page, as text, with the way to the parent's messages; reading marks it read.
        var organizerView = await a.Browser.GetAsync($"/outings/{id}");
        Assert.Contains(Hostile, organizerView.MainText(), StringComparison.Ordinal);
        Assert.Null(organizerView.Document.QuerySelector("#discussion script"));
        Assert.NotNull(organizerView.Document.QuerySelector($"a[href='/messages/{conversation.Id}']"));
        Assert.Contains(TextsFile.Fr("OutingGroup.OpenInMessages"), organizerView.MainText(), StringComparison.Ordinal);
        Assert.Equal(2, await ReadSequenceAsync(conversation.Id, a.Id));

        // Too long: refused, what was typed kept.
        var tooLong = new string('é', OutingConfiguration.MessageMax + 1);
        var refused = await b.Browser.SubmitAsync(await b.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = tooLong }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(tooLong, refused.Document.QuerySelector("#MessageText")!.TextContent, StringComparison.Ordinal);

        // Outsiders and visitors neither read nor write.
        var outsiderView = await outsider.Browser.GetAsync($"/outings/{id}");
        Assert.DoesNotContain("Bienvenue à toutes", outsiderView.MainText(), StringComparison.Ordinal);
        Assert.Null(outsiderView.Document.QuerySelector($"a[href='/messages/{conversation.Id}']"));
        var sneaky = await outsider.Browser.PostAsync($"/outings/{id}?handler=Message",
            [new(Browser.AntiforgeryField, outsiderView.AntiforgeryToken), new("MessageText", "Je m'incruste")]);
        Assert.Equal(HttpStatusCode.NotFound, sneaky.Status);
        Assert.DoesNotContain("Bienvenue à toutes", (await visitor.GetAsync($"/outings/{id}")).MainText(), StringComparison.Ordinal);

        // A family that left its only date no longer reads it nor writes in it.
        await b.LeaveAsync(id);
        var leftView = await b.Browser.GetAsync($"/outings/{id}");
        Assert.DoesNotContain("Bienvenue à toutes", leftView.MainText(), StringComparison.Ordinal);
        var late = await b.Browser.PostAsync($"/outings/{id}?handler=Message",
            [new(Browser.AntiforgeryField, leftView.AntiforgeryToken), new("MessageText", "Encore moi")]);
        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        Assert.Equal(2, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation.Id)));
    }

    [Fact]
    public async Task A_cancelled_outing_keeps_its_conversation_readable_and_closed_for_writing()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        var id = await a.ProposeAsync(factory);
        await b.JoinAsync(id);
        await b.Browser.SubmitAsync(await b.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = "On apporte des biscuits." }, "form[action*='handler=Message']");

        var cancel = await a.Browser.SubmitAsync(await a.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["CancelWord"] = "La salle est fermée, désolée." }, "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancel.Status);

        // The organiser's word is in the conversation, after the family's message.
        var conversation = (await ConversationAsync(id))!;
        var texts = await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Sequence).Select(m => m.Text).ToListAsync());
        Assert.Equal(["On apporte des biscuits.", "La salle est fermée, désolée."], texts);
        Assert.Contains(b.Id, await MembersAsync(id));

        var page = await b.Browser.GetAsync($"/outings/{id}");
        Assert.Contains("On apporte des biscuits.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("OutingGroup.Closed"), page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Message']"));
        var closed = await b.Browser.PostAsync($"/outings/{id}?handler=Message",
            [new(Browser.AntiforgeryField, page.AntiforgeryToken), new("MessageText", "Dommage !")]);
        Assert.Equal(HttpStatusCode.BadRequest, closed.Status);
        Assert.Equal(2, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation.Id)));
    }

    private Task<Conversation?> ConversationAsync(Guid outingId) =>
        factory.QueryAsync(db => db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.OutingId == outingId));

    private async Task<List<Guid>> MembersAsync(Guid outingId) =>
        [.. (await factory.QueryAsync(db => db.ConversationMembers
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.OutingId == outingId))
            .Select(m => m.MemberId).ToListAsync())).Order()];

    private Task<long> ReadSequenceAsync(Guid conversationId, Guid memberId) =>
        factory.QueryAsync(db => db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.MemberId == memberId)
            .Select(m => m.ReadSequence).SingleAsync());
}
