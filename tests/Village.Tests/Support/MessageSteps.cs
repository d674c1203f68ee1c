using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Web.Features.Messages;

namespace Village.Tests.Support;

/// <summary>Set-up for conversations: signed-in parents, and a direct conversation opened between two of them as an
/// accepted hello would.</summary>
public static class MessageSteps
{
    public sealed record Parent(Browser Browser, Guid Id, string Email) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    public static async Task<Parent> TalkerAsync(this VillageFactory factory, string name)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new Parent(browser, id, email);
    }

    public static async Task<Guid> OpenDirectAsync(this VillageFactory factory, Parent first, Parent second)
    {
        using var scope = factory.Services.CreateScope();
        var conversation = await scope.ServiceProvider.GetRequiredService<Conversations>().OpenDirectAsync(first.Id, second.Id);
        return conversation.Id;
    }

    /// <summary>Writes messages straight through the service (no rate limit), as many as a test needs.</summary>
    public static async Task WriteAsync(this VillageFactory factory, Guid conversationId, Parent author, params string[] texts)
    {
        using var scope = factory.Services.CreateScope();
        var conversations = scope.ServiceProvider.GetRequiredService<Conversations>();
        foreach (var text in texts)
        {
            await conversations.PostAsync(conversationId, author.Id, text);
        }
    }

    /// <summary>Sends a message through the conversation page's form, as a person does.</summary>
    public static async Task<WebPage> SendAsync(this Browser browser, Guid conversationId, string text)
    {
        var page = await browser.GetAsync($"/messages/{conversationId}");
        Assert.True(page.Status == System.Net.HttpStatusCode.OK, page.ToString());
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["Text"] = text }, "#message-form");
    }
}
