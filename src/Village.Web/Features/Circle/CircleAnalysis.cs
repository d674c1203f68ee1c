namespace Village.Web.Features.Circle;

/// <summary>Where a parent's circle is thin, read from what they listed; each thin spot comes with concrete next
/// steps. Pure: no database, no clock. Shown kindly under the picture, never as a judgement.</summary>
public static class CircleAnalysis
{
    /// <summary>Fewer people than this is a small circle.</summary>
    public const int FewPeople = 3;

    public static IReadOnlyList<ThinSpot> Of(IReadOnlyCollection<CirclePerson> people)
    {
        var spots = new List<ThinSpot>();
        if (!people.Any(p => IsNear(p.LivesWithin)))
        {
            spots.Add(ThinSpot.NoOneNearby);
        }

        if (!people.Any(p => p.CallableAtNight))
        {
            spots.Add(ThinSpot.NoOneAtNight);
        }

        if (!people.Any(p => p.Relation is CircleRelation.Professional or CircleRelation.Service))
        {
            spots.Add(ThinSpot.NoProfessional);
        }

        if (people.Count < FewPeople)
        {
            spots.Add(ThinSpot.FewPeople);
        }

        if (!people.Any(p => p.Relation is CircleRelation.Friend or CircleRelation.Neighbour or CircleRelation.OtherParent))
        {
            spots.Add(ThinSpot.OnlyFamily);
        }

        if (!people.Any(p => (p.CanHelp & (CircleHelp.Meals | CircleHelp.BabyCare)) != 0))
        {
            spots.Add(ThinSpot.NoPracticalHelp);
        }

        return spots;
    }

    /// <summary>Someone who can come within the hour: at home, on foot, in the same town.</summary>
    public static bool IsNear(LivesWithin within) => within is LivesWithin.SameHome or LivesWithin.WalkingDistance or LivesWithin.SameTown;

    /// <summary>What may help with a thin spot: a text key (Circle.Suggest.*) and where it leads.</summary>
    public static IReadOnlyList<Suggestion> SuggestionsFor(ThinSpot spot) => spot switch
    {
        ThinSpot.NoOneNearby => [Parents, Communities, Outings],
        ThinSpot.NoOneAtNight => [HelpCalendar, new("Circle.Suggest.Talk", "/services?need=talk"), new("Circle.Suggest.HelpNow", "/help-now")],
        ThinSpot.NoProfessional => [new("Circle.Suggest.ChildHealth", "/services?need=child-health"), new("Circle.Suggest.Birth", "/services?need=pregnancy-birth")],
        ThinSpot.FewPeople => [Parents, Communities, new("Circle.Suggest.CheckIn", "/checkin")],
        ThinSpot.OnlyFamily => [Outings, new("Circle.Suggest.Meet", "/services?need=meet"), Parents],
        ThinSpot.NoPracticalHelp => [HelpCalendar, new("Circle.Suggest.Breathe", "/services?need=breathe")],
        _ => [],
    };

    private static readonly Suggestion Parents = new("Circle.Suggest.Parents", "/parents");
    private static readonly Suggestion Communities = new("Circle.Suggest.Communities", "/communities");
    private static readonly Suggestion Outings = new("Circle.Suggest.Outings", "/outings");
    private static readonly Suggestion HelpCalendar = new("Circle.Suggest.HelpCalendar", "/circle/calendar");
}

/// <summary>A gap in the circle; its words are Circle.Thin.{name}.</summary>
public enum ThinSpot
{
    NoOneNearby,
    NoOneAtNight,
    NoProfessional,
    FewPeople,
    OnlyFamily,
    NoPracticalHelp,
}

public sealed record Suggestion(string TextKey, string Url);
