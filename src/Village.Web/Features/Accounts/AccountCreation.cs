using Microsoft.AspNetCore.Identity;
using Village.Web.Data;
using Village.Web.Features.Profiles;

namespace Village.Web.Features.Accounts;

/// <summary>Creates a member with their profile and roles in one transaction; shared by sign-up, the
/// create-admin command and the demo.</summary>
public sealed class AccountCreation(VillageDb db, UserManager<Member> members, TimeProvider clock)
{
    public Member NewMember(string email, string culture)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            CreatedAt = now,
            PrivacyAcceptedAt = now,
            RulesAcceptedAt = now,
            PreferredCulture = culture,
        };
    }

    /// <summary>Adds the member, roles and profile to the current transaction (the caller commits).</summary>
    public async Task<IdentityResult> AddAsync(Member member, string password, string displayName, IEnumerable<string> roles)
    {
        var result = await members.CreateAsync(member, password);
        if (!result.Succeeded)
        {
            return result;
        }

        foreach (var role in roles)
        {
            await members.AddToRoleAsync(member, role);
        }

        db.Profiles.Add(new ParentProfile
        {
            MemberId = member.Id,
            DisplayName = displayName,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return result;
    }

    public async Task<IdentityResult> CreateConfirmedAsync(string email, string password, string displayName, IEnumerable<string> roles)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var member = NewMember(email, "fr");
        member.EmailConfirmed = true;
        var result = await AddAsync(member, password, displayName, roles);
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
        }

        return result;
    }
}
