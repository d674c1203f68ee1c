using System.ComponentModel.DataAnnotations;
using Village.Web.Data;

namespace Village.Web.Features.Referrals;

/// <summary>How the parent agrees to be reached by the service: an address and/or a phone number, typed by them.</summary>
public class ContactInput
{
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(ReferralConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Referral.ContactEmail")]
    public string? ContactEmail { get; set; }

    [StringLength(ReferralConfiguration.PhoneMax, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^\+?[0-9][0-9 ./()-]{5,38}$", ErrorMessage = "Referral.PhoneInvalid")]
    [Display(Name = "Referral.ContactPhone")]
    public string? ContactPhone { get; set; }

    public string? Email => string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();

    public string? Phone => string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim();

    public bool HasAny => Email is not null || Phone is not null;
}

/// <summary>The parent's choice when consenting: how to be reached, and whether the service reads the note.</summary>
public sealed class ConsentInput : ContactInput
{
    [Display(Name = "Referral.ShareNote")]
    public bool ShareNote { get; set; } = true;
}

/// <summary>A parent asking a service to contact them.</summary>
public sealed class ContactRequestInput : ContactInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ReferralConfiguration.NoteMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Referral.RequestMessage")]
    public string? Message { get; set; }
}

/// <summary>A professional relaying a parent.</summary>
public sealed class ProposalInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(ReferralConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Referral.ParentEmail")]
    public string? ParentEmail { get; set; }

    public Guid? ServiceId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ReferralConfiguration.NoteMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Referral.Note")]
    public string? Note { get; set; }
}

public static class ReferralTrail
{
    /// <summary>Adds a step to the referral's audit trail (saved with the caller's changes).</summary>
    public static void Record(this VillageDb db, Guid referralId, Guid? actorId, ReferralParty party, ReferralAction action, DateTime at) =>
        db.ReferralEvents.Add(new ReferralEvent { Id = Guid.CreateVersion7(), ReferralId = referralId, ActorId = actorId, Party = party, Action = action, At = at });
}
