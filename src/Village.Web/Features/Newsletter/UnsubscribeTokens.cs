using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Village.Web.Features.Newsletter;

/// <summary>The token in a newsletter's unsubscribe link: the membership (community and member), signed and
/// encrypted with Data Protection for this purpose only, so it cannot be forged, altered or reused elsewhere. It
/// does not expire: an old newsletter's link must still work.</summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Village.Newsletter.Unsubscribe.v1");

    public string For(Guid communityId, Guid memberId) => protector.Protect($"{communityId:N}.{memberId:N}");

    public bool TryRead(string? token, out Guid communityId, out Guid memberId)
    {
        communityId = memberId = Guid.Empty;
        if (token is not { Length: > 0 and <= 1000 })
        {
            return false;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = payload.Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out communityId) && Guid.TryParseExact(parts[1], "N", out memberId);
    }
}
