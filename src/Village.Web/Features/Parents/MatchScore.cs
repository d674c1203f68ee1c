using Village.Web.Features.Profiles;

namespace Village.Web.Features.Parents;

/// <summary>What one side of a match brings: children's ages in months (an expected child counts as a negative age,
/// its months until the due month), language codes, interests and availability. Only what the viewer may see.</summary>
public sealed record MatchSide(IReadOnlyList<int> ChildAges, IReadOnlyList<string> Languages, Interest Interests, Availability Availability)
{
    public static readonly MatchSide Empty = new([], [], Interest.None, Availability.None);

    /// <summary>Ages in months at a date; a child still expected is "minus the months until the due month".</summary>
    public static IReadOnlyList<int> AgesOf(IEnumerable<Child> children, DateOnly today) =>
        [.. children.Select(c => ((today.Year - c.Year) * 12) + today.Month - c.Month)];
}

/// <summary>Why a parent is suggested: what the card's one line says. ClosestChildAgeMonths is the younger child's
/// age in the closest pair of children (negative while expected).</summary>
public sealed record MatchResult(
    double Score,
    double DistanceKm,
    int? AgeGapMonths,
    int? ClosestChildAgeMonths,
    string? SharedLanguage,
    Availability SharedAvailability,
    Interest SharedInterests)
{
    /// <summary>Children about the same age: 2 months apart for babies, more for older children.</summary>
    public bool SameAge => AgeGapMonths is int gap && ClosestChildAgeMonths is int age && gap <= MatchScore.SameAgeGap(age);
}

/// <summary>The discovery score, pure and testable: children's ages weigh most (parents look for a baby the same
/// age), then a short distance, a shared language, common free times and interests. Out of about 100.</summary>
public static class MatchScore
{
    public const double AgePoints = 40;
    public const double DistancePoints = 25;
    public const double LanguagePoints = 10;
    public const double AvailabilityPoints = 5;
    public const double InterestPoints = 3;

    /// <summary>How many months apart two children still count as "the same age" (or "about my child's age").</summary>
    public static int SameAgeGap(int ageMonths) => ageMonths switch
    {
        < 12 => 2,
        < 36 => 4,
        _ => 12,
    };

    public static MatchResult Of(MatchSide viewer, MatchSide other, double distanceKm, double maxKm)
    {
        // Distance is coarse: whole kilometres, under 1 km all alike.
        var km = Math.Max(0, Math.Round(distanceKm));
        var score = DistancePoints * Math.Clamp(1 - (km <= 1 ? 0 : km / Math.Max(1, maxKm)), 0, 1);

        int? gap = null, closestAge = null;
        foreach (var mine in viewer.ChildAges)
        {
            foreach (var theirs in other.ChildAges)
            {
                var difference = Math.Abs(mine - theirs);
                if (gap is null || difference < gap)
                {
                    (gap, closestAge) = (difference, Math.Min(mine, theirs));
                }
            }
        }

        if (gap is int g && closestAge is int age)
        {
            // Full points within the same-age gap, then less and less until two years apart.
            var same = SameAgeGap(Math.Max(0, age));
            score += g <= same ? AgePoints : AgePoints * Math.Max(0, 1 - ((g - same) / 24.0));
        }

        var shared = viewer.Languages.Intersect(other.Languages, StringComparer.Ordinal).ToList();
        score += LanguagePoints * Math.Min(2, shared.Count);
        var availability = viewer.Availability & other.Availability;
        score += AvailabilityPoints * Math.Min(3, Count((long)availability));
        var interests = viewer.Interests & other.Interests;
        score += InterestPoints * Math.Min(4, Count((long)interests));

        return new MatchResult(score, km, gap, closestAge, shared.FirstOrDefault(), availability, interests);
    }

    private static int Count(long flags) => System.Numerics.BitOperations.PopCount((ulong)flags);
}
