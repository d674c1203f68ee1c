using System.Globalization;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Profiles;

namespace Village.Web.Features.Parents;

/// <summary>The words of a suggestion: a rounded distance and the one line saying why ("bébé du même âge, 2 km,
/// libre en semaine le matin").</summary>
public static class ParentWords
{
    public static string Distance(double km, IStringLocalizer t) => km < 1 ? t["Distance.UnderOne"] : t["Distance.About", (int)Math.Round(km)];

    public static string Why(MatchResult match, IStringLocalizer t)
    {
        var parts = new List<string>();
        if (match.SameAge && match.ClosestChildAgeMonths is int age)
        {
            parts.Add(t[age < 0 ? "Parents.Why.Expecting" : age < 24 ? "Parents.Why.SameAgeBaby" : "Parents.Why.SameAgeChild"]);
        }
        else if (match.AgeGapMonths is <= 12)
        {
            parts.Add(t["Parents.Why.CloseAge"]);
        }

        parts.Add(match.DistanceKm < 1 ? t["Parents.Why.UnderOneKm"] : t["Parents.Why.Km", (int)match.DistanceKm]);
        if (match.SharedLanguage is string language && language != CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
        {
            parts.Add(t["Parents.Why.Speaks", Languages.NameOf(language)]);
        }

        if (Enum.GetValues<Availability>().FirstOrDefault(a => a != Availability.None && match.SharedAvailability.HasFlag(a)) is var slot and not Availability.None)
        {
            parts.Add(t["Parents.Why.Free", Lower(t[$"Availability.{slot}"])]);
        }
        else if (Enum.GetValues<Interest>().FirstOrDefault(i => i != Interest.None && match.SharedInterests.HasFlag(i)) is var interest and not Interest.None)
        {
            parts.Add(t["Parents.Why.Likes", Lower(t[$"Interest.{interest}"])]);
        }

        var line = string.Join(", ", parts);
        return line.Length == 0 ? line : char.ToUpper(line[0], CultureInfo.CurrentCulture) + line[1..];
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
}
