using System.Globalization;

namespace Village.Web.Features.CheckIn;

/// <summary>One question of the check-in: its field name, its text key ("CheckIn.Q.{Name}") and its answers, worth
/// <see cref="First"/>, First + 1, … in the order of <see cref="Options"/> (text keys "CheckIn.A.{option}").</summary>
public sealed record CheckInQuestion(string Name, int First, IReadOnlyList<string> Options)
{
    public int Last => First + Options.Count - 1;

    public string TextKey => $"CheckIn.Q.{Name}";

    public bool Accepts(int value) => value >= First && value <= Last;
}

/// <summary>A group of questions shown in one fieldset (legend "CheckIn.Section.{Key}").</summary>
public sealed record CheckInSection(string Key, IReadOnlyList<CheckInQuestion> Questions);

/// <summary>The check-in's questions, written in Village's own words. They mirror the structure of published research
/// instruments (Lubben LSNS-6 for the network, UCLA 3-item plus a direct question for loneliness, De Jong Gierveld's
/// emotional and social sides, Whooley's two mood questions) without reproducing their wording, which their owners
/// license. See docs/DECISIONS.md and /work/shared/docs/CHECKIN.md.</summary>
public static class CheckInQuestions
{
    /// <summary>How many people: none, 1, 2, 3-4, 5-8, 9 or more (0-5), as in LSNS-6.</summary>
    private static readonly string[] Count = ["Count0", "Count1", "Count2", "Count3", "Count5", "Count9"];

    /// <summary>UCLA 3-item frequencies (1-3).</summary>
    private static readonly string[] Frequency = ["HardlyEver", "Sometimes", "Often"];

    /// <summary>The direct question (0-4), as the UK ONS asks it.</summary>
    private static readonly string[] Direct = ["Never", "HardlyEver", "Occasionally", "SomeOfTheTime", "OftenAlways"];

    /// <summary>De Jong Gierveld style: no, more or less, yes (0-2).</summary>
    private static readonly string[] Missing = ["No", "MoreOrLess", "Yes"];

    private static readonly string[] YesNo = ["No", "Yes"];

    private static readonly string[] Safety = ["SafetyNever", "SafetySometimes", "SafetyOften", "SafetyRatherNotSay"];

    public static readonly IReadOnlyList<CheckInSection> Sections =
    [
        new("Family", [new("FamilySeen", 0, Count), new("FamilyTalk", 0, Count), new("FamilyHelp", 0, Count)]),
        new("Friends", [new("FriendsSeen", 0, Count), new("FriendsTalk", 0, Count), new("FriendsHelp", 0, Count)]),
        new("Feelings", [new("LackCompany", 1, Frequency), new("LeftOut", 1, Frequency), new("CutOff", 1, Frequency), new("Lonely", 0, Direct)]),
        new("Missing", [new("MissClose", 0, Missing), new("MissWider", 0, Missing)]),
        new("Mood", [new("Down", 0, YesNo), new("NoInterest", 0, YesNo)]),
        new("Safety", [new("Safety", 0, Safety)]),
    ];

    public static readonly IReadOnlyList<CheckInQuestion> All = [.. Sections.SelectMany(s => s.Questions)];

    /// <summary>The answers read from the form's raw values, or null with the names of the questions missing or out
    /// of range.</summary>
    public static CheckInAnswers? Read(IReadOnlyDictionary<string, string?> raw, out IReadOnlyList<CheckInQuestion> invalid)
    {
        var values = new Dictionary<string, int>();
        var wrong = new List<CheckInQuestion>();
        foreach (var question in All)
        {
            if (raw.TryGetValue(question.Name, out var text) && text is { Length: <= 3 }
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && question.Accepts(value))
            {
                values[question.Name] = value;
            }
            else
            {
                wrong.Add(question);
            }
        }

        invalid = wrong;
        return wrong.Count > 0 ? null : CheckInAnswers.From(values);
    }
}

/// <summary>One check-in's answers, each the value of the option chosen (see <see cref="CheckInQuestions"/>). This is
/// what is kept, protected, when the parent asks for it: never a score or a band.</summary>
public sealed record CheckInAnswers(
    int FamilySeen,
    int FamilyTalk,
    int FamilyHelp,
    int FriendsSeen,
    int FriendsTalk,
    int FriendsHelp,
    int LackCompany,
    int LeftOut,
    int CutOff,
    int Lonely,
    int MissClose,
    int MissWider,
    int Down,
    int NoInterest,
    int Safety)
{
    public static CheckInAnswers From(IReadOnlyDictionary<string, int> v) => new(
        v["FamilySeen"], v["FamilyTalk"], v["FamilyHelp"], v["FriendsSeen"], v["FriendsTalk"], v["FriendsHelp"],
        v["LackCompany"], v["LeftOut"], v["CutOff"], v["Lonely"], v["MissClose"], v["MissWider"], v["Down"], v["NoInterest"], v["Safety"]);

    /// <summary>The answers by question name, to show a saved check-in's form values again.</summary>
    public IReadOnlyDictionary<string, string?> ToValues() => new Dictionary<string, string?>
    {
        ["FamilySeen"] = S(FamilySeen),
        ["FamilyTalk"] = S(FamilyTalk),
        ["FamilyHelp"] = S(FamilyHelp),
        ["FriendsSeen"] = S(FriendsSeen),
        ["FriendsTalk"] = S(FriendsTalk),
        ["FriendsHelp"] = S(FriendsHelp),
        ["LackCompany"] = S(LackCompany),
        ["LeftOut"] = S(LeftOut),
        ["CutOff"] = S(CutOff),
        ["Lonely"] = S(Lonely),
        ["MissClose"] = S(MissClose),
        ["MissWider"] = S(MissWider),
        ["Down"] = S(Down),
        ["NoInterest"] = S(NoInterest),
        ["Safety"] = S(Safety),
    };

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);
}
