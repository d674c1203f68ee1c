using Village.Web.Features.Parents;
using Village.Web.Features.Profiles;

namespace Village.Tests.Features.Parents;

/// <summary>The discovery score: children's ages first, then distance, languages, free times and interests.</summary>
public sealed class MatchScoreTests
{
    private static MatchSide Side(int[] ages, string[]? languages = null, Interest interests = Interest.None, Availability availability = Availability.None) =>
        new(ages, languages ?? [], interests, availability);

    [Fact]
    public void A_baby_the_same_age_two_km_away_beats_a_three_year_old_one_km_away()
    {
        var me = Side([6]);

        var baby = MatchScore.Of(me, Side([7]), 2, 10);
        var toddler = MatchScore.Of(me, Side([36]), 1, 10);

        Assert.True(baby.Score > toddler.Score, $"{baby.Score} <= {toddler.Score}");
        Assert.True(baby.SameAge);
        Assert.False(toddler.SameAge);
    }

    [Fact]
    public void Closer_scores_higher_when_all_else_is_equal_and_under_one_km_is_all_alike()
    {
        var me = Side([10]);

        Assert.True(MatchScore.Of(me, Side([10]), 3, 20).Score > MatchScore.Of(me, Side([10]), 8, 20).Score);
        Assert.Equal(MatchScore.Of(me, Side([10]), 0.2, 20).Score, MatchScore.Of(me, Side([10]), 0.9, 20).Score);
    }

    [Fact]
    public void An_expected_baby_matches_another_due_at_the_same_time()
    {
        var due = MatchScore.Of(Side([-3]), Side([-2]), 4, 10);
        var born = MatchScore.Of(Side([-3]), Side([12]), 4, 10);

        Assert.True(due.SameAge);
        Assert.Equal(-3, due.ClosestChildAgeMonths);
        Assert.True(due.Score > born.Score);
    }

    [Fact]
    public void Shared_languages_free_times_and_interests_each_add_and_are_named()
    {
        var me = Side([5], ["fr", "ar"], Interest.Walks | Interest.Music, Availability.WeekdayMornings | Availability.WeekendMornings);
        var plain = MatchScore.Of(me, Side([5]), 2, 10);
        var language = MatchScore.Of(me, Side([5], ["ar"]), 2, 10);
        var free = MatchScore.Of(me, Side([5], availability: Availability.WeekdayMornings), 2, 10);
        var likes = MatchScore.Of(me, Side([5], interests: Interest.Music), 2, 10);

        Assert.True(language.Score > plain.Score);
        Assert.Equal("ar", language.SharedLanguage);
        Assert.True(free.Score > plain.Score);
        Assert.Equal(Availability.WeekdayMornings, free.SharedAvailability);
        Assert.True(likes.Score > plain.Score);
        Assert.Equal(Interest.Music, likes.SharedInterests);
    }

    [Fact]
    public void Without_children_on_either_side_only_the_rest_counts()
    {
        var result = MatchScore.Of(Side([]), Side([4]), 1, 10);

        Assert.Null(result.AgeGapMonths);
        Assert.False(result.SameAge);
        Assert.Equal(MatchScore.DistancePoints, result.Score);
    }
}
