using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.DevTools;

/// <summary>Development only: the emails the app wrote, so a newcomer can click a confirmation link without a mail server.</summary>
public sealed class EmailsModel(VillageDb db, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<OutboxEmail> Emails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Emails = await db.OutboxEmails.AsNoTracking().OrderByDescending(e => e.CreatedAt).Take(50).ToListAsync();
        return Page();
    }
}
