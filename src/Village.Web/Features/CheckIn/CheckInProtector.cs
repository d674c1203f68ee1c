using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Village.Web.Features.CheckIn;

/// <summary>Protects saved check-in answers with ASP.NET Data Protection (keys in the database, see
/// Infrastructure/Security), so that the database alone does not reveal them.</summary>
public sealed class CheckInProtector(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Village.CheckIn.Answers.v1");

    public string Protect(string answers) => protector.Protect(answers);

    /// <summary>The answers in clear, or null when they cannot be read (keys lost).</summary>
    public string? Unprotect(string protectedAnswers)
    {
        try
        {
            return protector.Unprotect(protectedAnswers);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
