using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Accounts;

/// <summary>Identity's messages in the reader's language. Messages that would reveal whether an address has an
/// account are never shown: sign-up handles duplicates before Identity sees them.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<Texts> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Identity.PasswordMismatch"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Identity.InvalidToken"]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Identity.InvalidEmail"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["Identity.EmailUnavailable"]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.EmailUnavailable"]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Identity.DefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Identity.DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
