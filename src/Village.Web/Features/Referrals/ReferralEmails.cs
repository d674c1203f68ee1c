using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Referrals;

/// <summary>What each party hears by email, in their language: only that something changed and a link. Never the
/// note, never the service's name nor anything that could tell about the family's health to whoever reads the
/// mailbox.</summary>
public sealed class ReferralEmails(VillageDb db, Outbox outbox, IStringLocalizer<Texts> t, IOptions<EmailOptions> options, IHttpContextAccessor http)
{
    public string SiteUrl => http.HttpContext?.Request is { Host.HasValue: true } request
        ? $"{request.Scheme}://{request.Host}"
        : options.Value.SiteUrl.TrimEnd('/');

    /// <summary>Tells a member, with the keys Referral.Email.{kind}.Subject, .Body1 and .Body2.</summary>
    public Task ToMemberAsync(Guid memberId, string kind, string path) => SendAsync([memberId], kind, path);

    /// <summary>Tells the verified professionals of the organisation running a service.</summary>
    public async Task ToServiceAsync(Guid serviceId, string kind, string path)
    {
        var organizationId = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync();
        var ids = await db.OrganizationMembers
            .Where(m => m.OrganizationId == organizationId && m.Status == OrganizationMemberStatus.Verified)
            .Select(m => m.MemberId).ToListAsync();
        await SendAsync(ids, kind, path);
    }

    private async Task SendAsync(IReadOnlyList<Guid> memberIds, string kind, string path)
    {
        var recipients = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.PreferredCulture }).ToListAsync();
        foreach (var to in recipients)
        {
            using var _ = new CultureScope(to.PreferredCulture);
            outbox.Add(to.Email!, new EmailMessage(
                t[$"Referral.Email.{kind}.Subject"],
                t["Email.Greeting"],
                [t[$"Referral.Email.{kind}.Body1"], t[$"Referral.Email.{kind}.Body2"]],
                t["Email.Footer"])
            {
                ActionLabel = t["Referral.Email.Action"],
                ActionUrl = SiteUrl + path,
                Culture = to.PreferredCulture,
            }, to.Id);
        }
    }
}
