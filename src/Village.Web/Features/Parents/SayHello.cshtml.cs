using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Parents;

/// <summary>Saying hello to a parent found nearby: a short text, or a suggestion picked in one tap. One hello per
/// pair, ever; a few a day (fewer for a new account). Someone hidden, blocked either way, or oneself: not found.</summary>
[Authorize]
public sealed class SayHelloModel(VillageDb db, HelloBox hellos, OutingSearch outings, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>The suggestions offered, as text keys "Hello.Suggestion.{name}".</summary>
    public static readonly string[] Suggestions = ["Walk", "Coffee", "Outing"];

    [BindProperty]
    [StringLength(HelloConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Hello.TextLabel")]
    public string? Text { get; set; }

    [BindProperty]
    public string? Suggestion { get; set; }

    public string DisplayName { get; private set; } = "";

    public Guid OtherId { get; private set; }

    /// <summary>A hello from the other parent, waiting for the viewer's answer.</summary>
    public Guid? TheirHelloId { get; private set; }

    public bool AlreadySent { get; private set; }

    public bool TooMany { get; private set; }

    public int PerDay { get; private set; }

    /// <summary>Whether outings happen near both this week (a link to /outings then).</summary>
    public bool OutingsNearBoth { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } answered)
        {
            return answered;
        }

        if (TheirHelloId is not null || AlreadySent)
        {
            return RedirectToPage();
        }

        if (Suggestion is not null && !Suggestions.Contains(Suggestion))
        {
            ModelState.AddModelError(nameof(Suggestion), t["Hello.BadSuggestion"]);
        }

        var text = Compose();
        if (ModelState.IsValid && text.Length == 0)
        {
            ModelState.AddModelError(nameof(Text), t["Hello.Empty"]);
        }
        else if (ModelState.IsValid && text.Length > HelloConfiguration.TextMax)
        {
            ModelState.AddModelError(nameof(Text), t["Validation.MaxLength", t["Hello.TextLabel"], HelloConfiguration.TextMax]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var me = User.MemberId();
        if (await hellos.OverLimitAsync(me))
        {
            TooMany = true;
            PerDay = await hellos.PerDayAsync(me);
            ModelState.AddModelError("", t["Hello.TooMany", PerDay]);
            var refused = Page();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }

        await hellos.SendAsync(me, id, text);
        TempData["Hello.Sent"] = t["Hello.Sent", DisplayName].Value;
        return Redirect("/hellos");
    }

    /// <summary>The suggestion picked, then what the parent wrote.</summary>
    private string Compose()
    {
        var parts = new List<string>();
        if (Suggestion is not null && Suggestions.Contains(Suggestion))
        {
            parts.Add(t[$"Hello.Suggestion.{Suggestion}"]);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add(Text.Trim());
        }

        return string.Join(" ", parts);
    }

    /// <summary>Reads the other parent and where the viewer stands with them; a result when the page must not show.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var me = User.MemberId();
        if (!await hellos.CanGreetAsync(me, id))
        {
            return NotFound();
        }

        OtherId = id;
        var other = await db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => new { p.DisplayName, p.Latitude, p.Longitude }).SingleAsync();
        DisplayName = other.DisplayName;
        if (await Connections.ConversationAsync(db, me, id) is Guid conversation)
        {
            return Redirect($"/messages/{conversation}");
        }

        TheirHelloId = await db.Hellos.Where(h => h.FromId == id && h.ToId == me && h.Status == HelloStatus.Waiting).Select(h => (Guid?)h.Id).SingleOrDefaultAsync();
        AlreadySent = await db.Hellos.AnyAsync(h => h.FromId == me && h.ToId == id);
        var mine = await db.Profiles.AsNoTracking().Where(p => p.MemberId == me).Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync();
        if (HttpMethods.IsGet(Request.Method) && mine is { Latitude: double lat, Longitude: double lon } && other is { Latitude: double theirLat, Longitude: double theirLon })
        {
            var around = outings.For((lat + theirLat) / 2, (lon + theirLon) / 2, OutingSearch.DefaultKm, OutingPeriod.Week) with { PageSize = 1 };
            OutingsNearBoth = (await outings.SearchAsync(around, me, HttpContext.RequestAborted)).Items.Count > 0;
        }

        return null;
    }
}
