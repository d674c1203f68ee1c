using Village.Tests.Support;
using Village.Web.Features.Circle;

namespace Village.Tests.Features.Circle;

/// <summary>Where a circle is thin: each gap on its own, and a full circle with none.</summary>
public sealed class CircleAnalysisTests
{
    private static CirclePerson Person(
        CircleRelation relation, LivesWithin within = LivesWithin.SameTown, CircleHelp help = CircleHelp.None, bool night = false, Closeness closeness = Closeness.Close) =>
        new() { Name = relation.ToString(), Relation = relation, LivesWithin = within, CanHelp = help, CallableAtNight = night, Closeness = closeness };

    /// <summary>A circle with nothing missing: near, at night, a professional, a friend, meals.</summary>
    private static List<CirclePerson> Full() =>
    [
        Person(CircleRelation.Partner, LivesWithin.SameHome, CircleHelp.Nights, night: true),
        Person(CircleRelation.Friend, LivesWithin.WalkingDistance, CircleHelp.Meals),
        Person(CircleRelation.Professional, LivesWithin.SameTown, CircleHelp.Advice),
    ];

    [Fact]
    public void A_full_circle_has_no_thin_spot() => Assert.Empty(CircleAnalysis.Of(Full()));

    [Fact]
    public void An_empty_circle_is_thin_everywhere() =>
        Assert.Equal(Enum.GetValues<ThinSpot>(), CircleAnalysis.Of([]));

    [Theory]
    [InlineData(LivesWithin.FewHours)]
    [InlineData(LivesWithin.FarAway)]
    public void Nobody_near_when_everyone_lives_hours_away(LivesWithin far)
    {
        var people = Full();
        people.ForEach(p => p.LivesWithin = far);
        Assert.Equal([ThinSpot.NoOneNearby], CircleAnalysis.Of(people));
    }

    [Fact]
    public void Nobody_to_call_at_night()
    {
        var people = Full();
        people.ForEach(p => p.CallableAtNight = false);
        Assert.Equal([ThinSpot.NoOneAtNight], CircleAnalysis.Of(people));
    }

    [Theory]
    [InlineData(CircleRelation.Professional, false)]
    [InlineData(CircleRelation.Service, false)]
    [InlineData(CircleRelation.Other, true)]
    public void A_professional_or_a_service_counts_as_professional_contact(CircleRelation relation, bool thin)
    {
        var people = Full();
        people[2].Relation = relation;
        Assert.Equal(thin, CircleAnalysis.Of(people).Contains(ThinSpot.NoProfessional));
    }

    [Fact]
    public void Fewer_than_three_people_is_a_small_circle()
    {
        var people = Full();
        people[0].CanHelp = CircleHelp.Meals;
        people[1].Relation = CircleRelation.Service;
        people.RemoveAt(2);
        people[0].Relation = CircleRelation.Neighbour;
        Assert.Equal([ThinSpot.FewPeople], CircleAnalysis.Of(people));
    }

    [Theory]
    [InlineData(CircleRelation.Friend, false)]
    [InlineData(CircleRelation.Neighbour, false)]
    [InlineData(CircleRelation.OtherParent, false)]
    [InlineData(CircleRelation.Family, true)]
    [InlineData(CircleRelation.Partner, true)]
    public void Only_family_until_a_friend_a_neighbour_or_another_parent(CircleRelation relation, bool thin)
    {
        var people = Full();
        people[1].Relation = relation;
        Assert.Equal(thin ? [ThinSpot.OnlyFamily] : [], CircleAnalysis.Of(people));
    }

    [Theory]
    [InlineData(CircleHelp.Meals, false)]
    [InlineData(CircleHelp.BabyCare, false)]
    [InlineData(CircleHelp.Listening | CircleHelp.Groceries, true)]
    public void Nobody_for_meals_or_baby_care(CircleHelp help, bool thin)
    {
        var people = Full();
        people.ForEach(p => p.CanHelp = CircleHelp.Advice);
        people[1].CanHelp = help;
        Assert.Equal(thin ? [ThinSpot.NoPracticalHelp] : [], CircleAnalysis.Of(people));
    }

    [Fact]
    public void Every_thin_spot_has_suggestions_to_real_places_of_the_site_with_texts_in_both_languages()
    {
        foreach (var spot in Enum.GetValues<ThinSpot>())
        {
            Assert.True(TextsFile.French.ContainsKey($"Circle.Thin.{spot}") && TextsFile.English.ContainsKey($"Circle.Thin.{spot}"), spot.ToString());
            var suggestions = CircleAnalysis.SuggestionsFor(spot);
            Assert.NotEmpty(suggestions);
            foreach (var suggestion in suggestions)
            {
                Assert.StartsWith("/", suggestion.Url, StringComparison.Ordinal);
                Assert.True(TextsFile.French.ContainsKey(suggestion.TextKey) && TextsFile.English.ContainsKey(suggestion.TextKey), suggestion.TextKey);
            }
        }

        Assert.Contains(CircleAnalysis.SuggestionsFor(ThinSpot.NoPracticalHelp), s => s.Url == "/circle/calendar");
        Assert.Contains(CircleAnalysis.SuggestionsFor(ThinSpot.NoOneNearby), s => s.Url == "/parents");
    }

    [Fact]
    public void The_picture_puts_each_person_in_their_ring_and_sector_and_cuts_long_names_whole()
    {
        var map = Ecomap.Of([Person(CircleRelation.Family, closeness: Closeness.VeryClose), Person(CircleRelation.Friend, closeness: Closeness.NotSoClose), Person(CircleRelation.Service)]);
        foreach (var dot in map.Dots)
        {
            var dx = dot.X - Ecomap.CentreX;
            var dy = dot.Y - Ecomap.CentreY;
            Assert.Equal(Ecomap.Radius(dot.Person.Closeness), Math.Sqrt((dx * dx) + (dy * dy)), 0);
            var angle = (Math.Atan2(dy, dx) * 180 / Math.PI + 360) % 360;
            var (from, to) = Ecomap.Span(Ecomap.SectorOf(dot.Person.Relation));
            Assert.InRange(angle, from, to);
            Assert.InRange(dot.X, 0, Ecomap.Width);
            Assert.InRange(dot.Y, 0, Ecomap.Height);
        }

        Assert.Equal("\u2068Maman\u2069", Ecomap.Label("  Maman "));
        var longName = Ecomap.Label(string.Concat(Enumerable.Repeat("👩‍👧", 40)));
        Assert.EndsWith("…\u2069", longName, StringComparison.Ordinal);
        Assert.Equal(Ecomap.LabelMax + 2, new System.Globalization.StringInfo(longName).LengthInTextElements);
    }
}
