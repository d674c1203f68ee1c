using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Village.Web.Infrastructure.Security;

/// <summary>Sensitive text stored protected with ASP.NET Data Protection (keys in the database, see
/// DatabaseXmlRepository), so that the database alone does not reveal it. Each kind of text has its own purpose.</summary>
public abstract class ProtectedTexts(IDataProtectionProvider protection, string purpose)
{
    private readonly IDataProtector protector = protection.CreateProtector(purpose);

    public string Protect(string text) => protector.Protect(text);

    /// <summary>The text in clear, or null when it cannot be read (keys lost).</summary>
    public string? Unprotect(string protectedText)
    {
        try
        {
            return protector.Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
