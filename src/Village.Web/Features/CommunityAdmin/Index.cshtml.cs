using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>The console's first page: who is on duty today, my own rota and off-duty switch, and the admins'
/// handover notes.</summary>
public sealed class IndexModel(VillageDb db, CommunityDirectory directory, AdminRota rota, TimeProvider clock, IStringLocalizer<Texts> t) : AdminPageModel(db, directory)
{
    public const int NotesShown = 30;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AdminRota.RotaAdmin> Admins { get; private set; } = [];

    public IReadOnlyList<AdminRota.RotaAdmin> OnDuty { get; private set; } = [];

    /// <summary>Whether today's team comes from the rota, or is everyone available because nobody's rota covers today.</summary>
    public bool OnDutyByRota { get; private set; }

    public IReadOnlyList<NoteView> Notes { get; private set; } = [];

    public RotaInput Rota { get; set; } = new();

    public NoteInput Note { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        await LoadConsoleAsync(fillRota: true);
        return Page();
    }

    public async Task<IActionResult> OnPostRotaAsync(string slug, [FromForm(Name = "Rota")] RotaInput input)
    {
        if (!await LoadAsync(slug) || !IsCommunityAdmin)
        {
            return NotFound();
        }

        Rota = input;
        if (input.Days?.Any(d => !DutyDaysExtensions.Week.Contains(d)) == true)
        {
            ModelState.AddModelError("Rota.Days", t["Validation.InvalidValue"]);
        }

        var today = rota.Today();
        if (input.OffDuty && input.OffDutyUntil is { } until && (until <= today || until > today.AddYears(1)))
        {
            ModelState.AddModelError("Rota.OffDutyUntil", t["CommunityAdmin.ReturnDateInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadConsoleAsync(fillRota: false);
            return this.InvalidPage();
        }

        var days = (input.Days ?? []).Aggregate(DutyDays.None, (all, day) => all | day);
        var memberId = MemberId;
        await Db.CommunityMembers.Where(m => m.CommunityId == Community.Id && m.MemberId == memberId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DutyDays, days)
                .SetProperty(m => m.OffDuty, input.OffDuty)
                .SetProperty(m => m.OffDutyUntil, input.OffDuty ? input.OffDutyUntil : null));
        return Done(t["CommunityAdmin.RotaSaved"]);
    }

    public async Task<IActionResult> OnPostNoteAsync(string slug, [FromForm(Name = "Note")] NoteInput note)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Note = note;
        if (!ModelState.IsValid)
        {
            await LoadConsoleAsync(fillRota: true);
            return this.InvalidPage();
        }

        Db.HandoverNotes.Add(new HandoverNote
        {
            Id = Guid.CreateVersion7(),
            CommunityId = Community.Id,
            AuthorId = MemberId,
            Body = note.Body.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await Db.SaveChangesAsync();
        return Done(t["CommunityAdmin.NoteSaved"]);
    }

    /// <summary>Only the author deletes a note; another's note, or another community's, is not found.</summary>
    public async Task<IActionResult> OnPostDeleteNoteAsync(string slug, Guid noteId)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        var memberId = MemberId;
        var deleted = await Db.HandoverNotes.Where(n => n.Id == noteId && n.CommunityId == Community.Id && n.AuthorId == memberId).ExecuteDeleteAsync();
        return deleted == 0 ? NotFound() : Done(t["CommunityAdmin.NoteDeleted"]);
    }

    private async Task LoadConsoleAsync(bool fillRota)
    {
        Today = rota.Today();
        Admins = await rota.AdminsAsync(Community.Id);
        OnDuty = AdminRota.OnDuty(Admins, Today);
        OnDutyByRota = OnDuty.Any(a => a.Days.HasFlag(Today.DayOfWeek.ToDutyDay()));
        if (fillRota && Admins.SingleOrDefault(a => a.MemberId == MemberId) is { } me)
        {
            Rota = new RotaInput
            {
                Days = DutyDaysExtensions.Week.Where(d => me.Days.HasFlag(d)).ToList(),
                OffDuty = me.OffDuty,
                OffDutyUntil = me.OffDutyUntil,
            };
        }

        Notes = await Db.HandoverNotes.AsNoTracking().Where(n => n.CommunityId == Community.Id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(NotesShown)
            .Select(n => new NoteView(
                n.Id, n.Body, n.CreatedAt, n.AuthorId,
                Db.Profiles.Where(p => p.MemberId == n.AuthorId).Select(p => p.DisplayName).FirstOrDefault()))
            .ToListAsync();
    }

    public sealed record NoteView(Guid Id, string Body, DateTime CreatedAt, Guid? AuthorId, string? AuthorName);

    public sealed class RotaInput
    {
        [Display(Name = "CommunityAdmin.DutyDays")]
        public List<DutyDays>? Days { get; set; }

        [Display(Name = "CommunityAdmin.OffDuty")]
        public bool OffDuty { get; set; }

        [Display(Name = "CommunityAdmin.OffDutyUntil")]
        public DateOnly? OffDutyUntil { get; set; }
    }

    public sealed class NoteInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityAdminConfiguration.NoteMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CommunityAdmin.NoteBody")]
        public string Body { get; set; } = "";
    }
}
