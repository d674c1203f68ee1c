using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.Notifications;

/// <summary>The links every notification email carries: the preferences page, and a one-click unsubscribe
/// (RFC 8058) for the email's kind, or for a digest. The unsubscribe token names the member and the kind (or digest),
/// signed and encrypted with Data Protection for this purpose only; it does not expire, so an old email's link
/// still works.</summary>
public sealed class NotificationLinks(IDataProtectionProvider protection, SiteAddress site)
{
    public const string SettingsPath = "/notifications/settings";

    public const string UnsubscribePath = "/notifications/unsubscribe";

    private readonly IDataProtector protector = protection.CreateProtector("Village.Notifications.Unsubscribe.v1");

    public string Settings => site.Of(SettingsPath);

    /// <summary>Stops emails of one kind (it stays in the app).</summary>
    public string Unsubscribe(Guid memberId, NotificationKind kind) =>
        $"{site.Of(UnsubscribePath)}?token={Uri.EscapeDataString(Token(memberId, $"k{(int)kind}"))}";

    /// <summary>Stops the daily or the weekly digest.</summary>
    public string UnsubscribeDigest(Guid memberId, NotificationChannel digest) =>
        $"{site.Of(UnsubscribePath)}?token={Uri.EscapeDataString(Token(memberId, $"d{(int)digest}"))}";

    /// <summary>Reads a token: the member, and either a kind or a digest (Daily or Weekly).</summary>
    public bool TryRead(string? token, out Guid memberId, out NotificationKind? kind, out NotificationChannel? digest)
    {
        (memberId, kind, digest) = (Guid.Empty, null, null);
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
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out memberId) || parts[1].Length < 2
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (parts[1][0] == 'k' && Enum.IsDefined((NotificationKind)value))
        {
            kind = (NotificationKind)value;
            return true;
        }

        if (parts[1][0] == 'd' && (NotificationChannel)value is NotificationChannel.Daily or NotificationChannel.Weekly)
        {
            digest = (NotificationChannel)value;
            return true;
        }

        return false;
    }

    private string Token(Guid memberId, string what) => protector.Protect($"{memberId:N}.{what}");
}
