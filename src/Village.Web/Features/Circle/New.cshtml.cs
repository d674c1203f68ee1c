using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Circle;

/// <summary>Adds someone to the signed-in parent's circle; from a service page, prefilled with that service.</summary>
[Authorize]
public sealed class NewModel(VillageDb db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public CircleInput Input { get; set; } = new();

    /// <summary>The circle already holds <see cref="CircleConfiguration.PeopleMax"/> entries.</summary>
    public bool IsFull { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? service, CircleRelation? relation)
    {
        IsFull = await IsFullAsync();
        if (service is { } serviceId
            && await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => s.Name).SingleOrDefaultAsync() is { } name)
        {
            Input.Relation = CircleRelation.Service;
            Input.Name = name.Length <= CircleConfiguration.NameMax ? name : name[..CircleConfiguration.NameMax];
            Input.ServiceId = serviceId;
            Input.Closeness = Closeness.NotSoClose;
        }
        else if (relation is { } chosen && Enum.IsDefined(chosen))
        {
            Input.Relation = chosen;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await IsFullAsync())
        {
            IsFull = true;
            ModelState.AddModelError("", t["Circle.Full", CircleConfiguration.PeopleMax]);
            return this.InvalidPage();
        }

        await Input.CheckAsync(ModelState, db, t);

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = new CirclePerson { Id = Guid.CreateVersion7(), OwnerId = User.MemberId(), CreatedAt = now, UpdatedAt = now };
        Input.CopyTo(person);
        db.CirclePeople.Add(person);
        await db.SaveChangesAsync();
        TempData["Circle.Saved"] = true;
        return Redirect("/circle");
    }

    private async Task<bool> IsFullAsync()
    {
        var memberId = User.MemberId();
        return await db.CirclePeople.CountAsync(p => p.OwnerId == memberId) >= CircleConfiguration.PeopleMax;
    }
}
