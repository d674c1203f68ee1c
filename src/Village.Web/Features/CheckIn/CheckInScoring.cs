namespace Village.Web.Features.CheckIn;

/// <summary>What a check-in's answers say, as bands rather than numbers: the scores stay inside the code and are never
/// shown nor stored.
/// The cut-offs come from the published research instruments whose structure the questions mirror: under 12 of 30 on
/// Lubben's LSNS-6 is its usual "at risk of isolation" anchor, and a family or friends half under 6 shows where the
/// network is thin; 6 or more of 9 on the UCLA 3-item scale is a research convention for loneliness; a yes to either of
/// Whooley's two questions suggests a talk with a professional. Our questions are our own words, not the validated
/// instruments, so these bands are indicative only: never a diagnosis (the result page says so).</summary>
public static class CheckInScoring
{
    public const int NetworkThinBelow = 12;
    public const int HalfThinBelow = 6;
    public const int LonelyFrom = 6;

    /// <summary>The direct question: "often or always" (<see cref="CheckInQuestions"/>, value 4).</summary>
    public const int DirectLonelyFrom = 4;

    public static CheckInScore Score(CheckInAnswers a)
    {
        var family = a.FamilySeen + a.FamilyTalk + a.FamilyHelp;
        var friends = a.FriendsSeen + a.FriendsTalk + a.FriendsHelp;
        return new CheckInScore(
            Family: family,
            Friends: friends,
            Loneliness: a.LackCompany + a.LeftOut + a.CutOff,
            Direct: a.Lonely,
            Emotional: a.MissClose > 0,
            Social: a.MissWider > 0,
            MoodGateway: a.Down == 1 || a.NoInterest == 1,
            SafetyConcern: a.Safety != 0);
    }
}

/// <param name="Family">LSNS-6 family half, 0-15.</param>
/// <param name="Friends">LSNS-6 friends half (other parents and neighbours count), 0-15.</param>
/// <param name="Loneliness">UCLA 3-item style, 3-9.</param>
/// <param name="Direct">The direct question, 0 (never) to 4 (often or always).</param>
/// <param name="Emotional">Missing one really close person (more or less, or yes).</param>
/// <param name="Social">Missing a wider circle of people (more or less, or yes).</param>
/// <param name="MoodGateway">A yes to either mood question.</param>
/// <param name="SafetyConcern">Any safety answer other than "never", "I'd rather not say" included.</param>
public sealed record CheckInScore(int Family, int Friends, int Loneliness, int Direct, bool Emotional, bool Social, bool MoodGateway, bool SafetyConcern)
{
    public int Network => Family + Friends;

    public bool NetworkThin => Network < CheckInScoring.NetworkThinBelow;

    public bool FamilyThin => Family < CheckInScoring.HalfThinBelow;

    public bool FriendsThin => Friends < CheckInScoring.HalfThinBelow;

    /// <summary>The network, or one half of it, is thin.</summary>
    public bool AnyThin => NetworkThin || FamilyThin || FriendsThin;

    public bool Lonely => Loneliness >= CheckInScoring.LonelyFrom || Direct >= CheckInScoring.DirectLonelyFrom;
}

/// <summary>Which screen comes first, most urgent first.</summary>
public enum CheckInTier
{
    Low = 0,
    Isolation = 1,
    Mood = 2,
    Safety = 3,
}

/// <summary>The next steps a result offers.</summary>
[Flags]
public enum CheckInSteps
{
    None = 0,
    /// <summary>Talk with a partner, a co-parent or someone close.</summary>
    Partner = 1,
    /// <summary>A talk with the midwife or doctor (entretien postnatal précoce, ONE, Kind en Gezin).</summary>
    Professional = 2,
    /// <summary>Groups and drop-in places, outings, other parents.</summary>
    Groups = 4,
    /// <summary>Invite people to the circle and the help calendar.</summary>
    Circle = 8,
    /// <summary>Check in again in two weeks.</summary>
    Again = 16,
    /// <summary>Listening lines.</summary>
    Listening = 32,
}

public sealed record CheckInRoute(CheckInTier Tier, CheckInSteps Steps, CheckInScore Score)
{
    public bool Offers(CheckInSteps step) => (Steps & step) == step;
}

/// <summary>The routing table (CHECKIN.md "What to show"): Safety, whatever else was answered, before Mood, before
/// Isolation (a thin network or loneliness), before Low; then the next steps for what the answers show.</summary>
public static class CheckInRouting
{
    public static CheckInRoute Route(CheckInAnswers answers) => Route(CheckInScoring.Score(answers));

    public static CheckInRoute Route(CheckInScore s)
    {
        var tier = s.SafetyConcern ? CheckInTier.Safety
            : s.MoodGateway ? CheckInTier.Mood
            : s.AnyThin || s.Lonely ? CheckInTier.Isolation
            : CheckInTier.Low;
        var steps = CheckInSteps.None;
        if (s.SafetyConcern)
        {
            steps |= CheckInSteps.Listening | CheckInSteps.Professional;
        }

        if (s.MoodGateway)
        {
            steps |= CheckInSteps.Professional | CheckInSteps.Again | CheckInSteps.Listening;
        }

        if (s.Emotional)
        {
            steps |= CheckInSteps.Partner | CheckInSteps.Professional;
        }

        if (s.Social)
        {
            steps |= CheckInSteps.Groups;
        }

        if (s.AnyThin)
        {
            steps |= CheckInSteps.Circle | CheckInSteps.Groups;
        }

        if (s.Lonely)
        {
            steps |= CheckInSteps.Groups;
        }

        return new CheckInRoute(tier, steps, s);
    }
}
