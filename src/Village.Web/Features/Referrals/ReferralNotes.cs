using Microsoft.AspNetCore.DataProtection;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.Referrals;

/// <summary>The note on what a family needs is sensitive: it is stored protected and read back only for the parent, the
/// referrer and, when the parent shares it, the service.</summary>
public sealed class ReferralNotes(IDataProtectionProvider protection) : ProtectedTexts(protection, "Village.Referrals.Note.v1");
