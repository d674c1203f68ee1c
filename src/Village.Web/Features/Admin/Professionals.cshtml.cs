using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Admin;

/// <summary>Administrators verify the professionals who signed up before they get the professional role.</summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class ProfessionalsModel(VillageDb db, UserManager<Member> members, AccountEmails emails) : PageModel
{
    public IReadOnlyList<PendingProfessional> Pending { get; private set; } = [];

    public async Task OnGetAsync() =>
        Pending = await db.Users.AsNoTracking()
            .Where(m => m.ProfessionalStatus == ProfessionalStatus.Pending && m.EmailConfirmed)
            .OrderBy(m => m.CreatedAt)
            .Join(db.Profiles, m => m.Id, p => p.MemberId, (m, p) => new PendingProfessional(m.Id, p.DisplayName, m.Email!, m.ProfessionalDetails, m.CreatedAt))
            .ToListAsync();

    public async Task<IActionResult> OnPostAsync(Guid id, bool verify)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var member = await db.Users.SingleOrDefaultAsync(m => m.Id == id && m.ProfessionalStatus == ProfessionalStatus.Pending);
        if (member is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        member.ProfessionalStatus = verify ? ProfessionalStatus.Verified : ProfessionalStatus.Refused;
        if (verify)
        {
            await members.AddToRoleAsync(member, Roles.Professional);
            emails.ProfessionalVerified(member, Url.Page("/Home/Index", null, null, Request.Scheme)!);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage();
    }

    public sealed record PendingProfessional(Guid Id, string DisplayName, string Email, string? Details, DateTime CreatedAt);
}
