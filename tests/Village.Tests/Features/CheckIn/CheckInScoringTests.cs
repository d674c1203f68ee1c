using Village.Web.Features.CheckIn;

namespace Village.Tests.Features.CheckIn;

/// <summary>The pure scoring and routing: each structure, the halves, the bands at their cut-offs, and the safety answer
/// overriding everything.</summary>
public sealed class CheckInScoringTests
{
    /// <summary>A well-surrounded parent in good spirits: 9+ everywhere, hardly ever lonely, nothing missing, no.</summary>
    public static readonly CheckInAnswers Perfect = new(5, 5, 5, 5, 5, 5, 1, 1, 1, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void The_network_adds_the_six_counts_in_a_family_and_a_friends_half()
    {
        var score = CheckInScoring.Score(Perfect with { FamilySeen = 1, FamilyTalk = 2, FamilyHelp = 3, FriendsSeen = 0, FriendsTalk = 4, FriendsHelp = 5 });
        Assert.Equal((6, 9, 15), (score.Family, score.Friends, score.Network));
        Assert.Equal(30, CheckInScoring.Score(Perfect).Network);
        Assert.Equal(0, CheckInScoring.Score(Perfect with { FamilySeen = 0, FamilyTalk = 0, FamilyHelp = 0, FriendsSeen = 0, FriendsTalk = 0, FriendsHelp = 0 }).Network);
    }

    [Fact]
    public void A_network_under_12_is_thin_and_12_is_not()
    {
        // 6 + 6 = 12: neither half thin, the whole not thin.
        var twelve = CheckInScoring.Score(Perfect with { FamilySeen = 2, FamilyTalk = 2, FamilyHelp = 2, FriendsSeen = 2, FriendsTalk = 2, FriendsHelp = 2 });
        Assert.Equal(12, twelve.Network);
        Assert.False(twelve.AnyThin);
        Assert.Equal(CheckInTier.Low, CheckInRouting.Route(twelve).Tier);

        var eleven = CheckInScoring.Score(Perfect with { FamilySeen = 2, FamilyTalk = 2, FamilyHelp = 2, FriendsSeen = 2, FriendsTalk = 2, FriendsHelp = 1 });
        Assert.True(eleven.NetworkThin);
        Assert.True(eleven.FriendsThin);
        Assert.Equal(CheckInTier.Isolation, CheckInRouting.Route(eleven).Tier);
        Assert.True(CheckInRouting.Route(eleven).Offers(CheckInSteps.Circle));
    }

    [Fact]
    public void A_half_under_6_is_thin_even_when_the_whole_network_is_large()
    {
        var noFamily = CheckInScoring.Score(Perfect with { FamilySeen = 2, FamilyTalk = 2, FamilyHelp = 1 });
        Assert.Equal((5, 20), (noFamily.Family, noFamily.Network));
        Assert.True(noFamily.FamilyThin);
        Assert.False(noFamily.NetworkThin);
        var route = CheckInRouting.Route(noFamily);
        Assert.Equal(CheckInTier.Isolation, route.Tier);
        Assert.True(route.Offers(CheckInSteps.Circle));

        Assert.False(CheckInScoring.Score(Perfect with { FamilySeen = 2, FamilyTalk = 2, FamilyHelp = 2 }).AnyThin);
    }

    [Fact]
    public void Loneliness_from_6_of_9_or_a_direct_often_or_always()
    {
        var five = CheckInScoring.Score(Perfect with { LackCompany = 2, LeftOut = 2, CutOff = 1 });
        Assert.Equal(5, five.Loneliness);
        Assert.False(five.Lonely);
        Assert.Equal(CheckInTier.Low, CheckInRouting.Route(five).Tier);

        var six = CheckInScoring.Score(Perfect with { LackCompany = 2, LeftOut = 2, CutOff = 2 });
        Assert.True(six.Lonely);
        Assert.Equal(CheckInTier.Isolation, CheckInRouting.Route(six).Tier);
        Assert.True(CheckInRouting.Route(six).Offers(CheckInSteps.Groups));

        Assert.Equal(9, CheckInScoring.Score(Perfect with { LackCompany = 3, LeftOut = 3, CutOff = 3 }).Loneliness);
        Assert.False(CheckInScoring.Score(Perfect with { Lonely = 3 }).Lonely);
        Assert.True(CheckInScoring.Score(Perfect with { Lonely = 4 }).Lonely);
        Assert.Equal(CheckInTier.Isolation, CheckInRouting.Route(Perfect with { Lonely = 4 }).Tier);
    }

    [Fact]
    public void Emotional_loneliness_points_to_a_partner_or_professional_and_social_to_groups()
    {
        var emotional = CheckInRouting.Route(Perfect with { MissClose = 1 });
        Assert.True(emotional.Offers(CheckInSteps.Partner | CheckInSteps.Professional));
        Assert.False(emotional.Offers(CheckInSteps.Groups));

        var social = CheckInRouting.Route(Perfect with { MissWider = 2 });
        Assert.True(social.Offers(CheckInSteps.Groups));
        Assert.False(social.Offers(CheckInSteps.Partner));

        Assert.Equal(CheckInSteps.None, CheckInRouting.Route(Perfect).Steps);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    public void A_yes_to_either_mood_question_is_the_mood_tier_before_isolation(int down, int noInterest)
    {
        var route = CheckInRouting.Route(Perfect with { Down = down, NoInterest = noInterest, FamilySeen = 0, FamilyTalk = 0, FamilyHelp = 0, Lonely = 4 });
        Assert.Equal(CheckInTier.Mood, route.Tier);
        Assert.True(route.Offers(CheckInSteps.Professional | CheckInSteps.Again | CheckInSteps.Listening));
        Assert.True(route.Offers(CheckInSteps.Circle));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_safety_answer_but_never_is_the_safety_tier_whatever_else(int safety)
    {
        Assert.Equal(CheckInTier.Safety, CheckInRouting.Route(Perfect with { Safety = safety }).Tier);
        Assert.Equal(CheckInTier.Safety, CheckInRouting.Route(Perfect with { Safety = safety, Down = 1, Lonely = 4, FamilySeen = 0 }).Tier);
        Assert.True(CheckInRouting.Route(Perfect with { Safety = safety }).Offers(CheckInSteps.Listening));
    }

    [Fact]
    public void A_perfect_check_in_is_low()
    {
        Assert.Equal(CheckInTier.Low, CheckInRouting.Route(Perfect).Tier);
    }

    [Fact]
    public void Reading_the_form_refuses_missing_and_out_of_range_values()
    {
        var values = Perfect.ToValues().ToDictionary();
        Assert.Equal(Perfect, CheckInQuestions.Read(values, out var none));
        Assert.Empty(none);

        foreach (var (name, bad) in new[] { ("FamilySeen", "6"), ("LackCompany", "0"), ("LeftOut", "4"), ("Lonely", "5"), ("MissClose", "3"), ("Down", "2"), ("Safety", "-1"), ("Safety", "4"), ("Safety", "abc"), ("Safety", " 1"), ("Safety", "1e1"), ("FamilyTalk", null) })
        {
            var copy = new Dictionary<string, string?>(values) { [name] = bad };
            Assert.Null(CheckInQuestions.Read(copy, out var invalid));
            Assert.Equal(name, Assert.Single(invalid).Name);
        }

        values.Remove("CutOff");
        Assert.Null(CheckInQuestions.Read(values, out var missing));
        Assert.Equal("CutOff", Assert.Single(missing).Name);
    }
}
