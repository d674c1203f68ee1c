using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Village.Web.Features.Referrals;

/// <summary>The note on what a family needs is sensitive: it is stored protected with ASP.NET Data Protection (keys in
/// the database, see Infrastructure/Security) and read back only for the parent, the referrer and, when the parent
/// shares it, the service.</summary>
public sealed class ReferralNotes(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Village.Referrals.Note.v1");

    public string Protect(string note) => protector.Protect(note);

    /// <summary>The note in clear, or null when it cannot be read (keys lost).</summary>
    public string? Unprotect(string protectedNote)
    {
        try
        {
            return protector.Unprotect(protectedNote);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
