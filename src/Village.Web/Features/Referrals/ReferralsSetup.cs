using System.Threading.RateLimiting;

namespace Village.Web.Features.Referrals;

public static class ReferralsSetup
{
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferralNotes>();
        builder.Services.AddScoped<ReferralEmails>();
        var perHour = builder.Configuration.GetValue("Referrals:AttemptsPerHour", ReferralLimits.AttemptsPerHour);
        builder.Services.AddSingleton(new ReferralAttempts(perHour));
        return builder;
    }
}

/// <summary>How many times a member may submit the proposal or contact form in an hour, whatever the outcome: a
/// professional typing addresses learns whether each has an account, so tries are few. Per member, in memory.</summary>
public sealed class ReferralAttempts(int perHour) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(memberId =>
        RateLimitPartition.GetFixedWindowLimiter(memberId, _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) }));

    /// <summary>Counts one attempt; false when the member has used up their tries for the hour.</summary>
    public bool TryAttempt(Guid memberId)
    {
        using var lease = limiter.AttemptAcquire(memberId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>How many referrals one may start.</summary>
public static class ReferralLimits
{
    public const int AttemptsPerHour = 30;

    public const int ProposalsPerDay = 20;

    public const int ContactRequestsPerDay = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
}
