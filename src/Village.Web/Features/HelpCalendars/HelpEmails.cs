using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>What helpers hear from the parent's side: a date no longer needed, and the thank-you when the calendar
/// closes. Short and plain: the parent's first name and a date, nothing about the household (a shared inbox).</summary>
public sealed class HelpEmails(VillageDb db, Outbox outbox, IStringLocalizer<Texts> t)
{
    /// <summary>The name helpers know the parent by: their display name.</summary>
    public async Task<string> ParentNameAsync(Guid ownerId) =>
        await db.Profiles.AsNoTracking().Where(p => p.MemberId == ownerId).Select(p => p.DisplayName).FirstOrDefaultAsync() ?? "";

    public void NoLongerNeeded(HelpHelper helper, string parentName, DateOnly date)
    {
        using var _ = new CultureScope(helper.Culture);
        Queue(helper, t["Help.Email.Cancelled.Subject"],
            [t["Help.Email.Cancelled.Body1", parentName, date.ToString("dddd d MMMM", CultureInfo.CurrentCulture)], t["Help.Email.Cancelled.Body2"]]);
    }

    public void ThankYou(HelpHelper helper, string parentName)
    {
        using var _ = new CultureScope(helper.Culture);
        Queue(helper, t["Help.Email.Closed.Subject", parentName], [t["Help.Email.Closed.Body1", parentName], t["Help.Email.Closed.Body2"]]);
    }

    private void Queue(HelpHelper helper, string subject, IReadOnlyList<string> paragraphs) =>
        outbox.Add(helper.Email, new EmailMessage(subject, t["Help.Email.Greeting", helper.Name], paragraphs, t["Email.Footer"])
        {
            Culture = helper.Culture,
        });
}
