using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Village.Web.Features.HelpCalendars;

/// <summary>How the calendar says days and times to a tired parent: "demain", "samedi", "18 h 30".</summary>
public static class HelpWords
{
    /// <summary>"18 h", "18 h 30" in French; "6 pm", "6:30 pm" in English.</summary>
    public static string Time(TimeOnly time)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr")
        {
            return time.Minute == 0 ? $"{time.Hour} h" : $"{time.Hour} h {time.Minute:00}";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0 ? $"{hour} {suffix}" : $"{hour}:{time.Minute:00} {suffix}";
    }

    /// <summary>"aujourd'hui", "demain", "samedi" (this coming week), or "jeudi 4 décembre".</summary>
    public static string Day(DateOnly date, DateOnly today, IStringLocalizer t) => (date.DayNumber - today.DayNumber) switch
    {
        0 => t["Help.Today"],
        1 => t["Help.Tomorrow"],
        > 1 and < 7 => date.ToString("dddd", CultureInfo.CurrentCulture),
        _ => date.ToString("dddd d MMMM", CultureInfo.CurrentCulture),
    };

    /// <summary>"jeudi 27 novembre".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.CurrentCulture);

    /// <summary>Capitalises the first letter (a sentence starting with a day).</summary>
    public static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>"entre 18 h et 19 h", or for a night "de 21 h à 7 h le lendemain".</summary>
    public static string Window(TimeOnly start, TimeOnly end, IStringLocalizer t) =>
        HelpSchedule.EndsNextDay(start, end)
            ? t["Help.WindowNight", Time(start), Time(end)]
            : t["Help.Window", Time(start), Time(end)];

    /// <summary>"Demain, Mamie apporte le repas entre 18 h et 19 h".</summary>
    public static string Taken(DateOnly date, DateOnly today, string helper, HelpKind kind, TimeOnly start, TimeOnly end, IStringLocalizer t) =>
        Capital(t[$"Help.Next.{kind}", Day(date, today, t), helper, Window(start, end, t)]);

    /// <summary>"Samedi, personne n'a encore pris : garder le bébé pendant la sieste, entre 14 h et 16 h".</summary>
    public static string Free(DateOnly date, DateOnly today, HelpKind kind, TimeOnly start, TimeOnly end, IStringLocalizer t) =>
        Capital(t["Help.NextFree", Day(date, today, t), t[$"Help.Kind.{kind}"], Window(start, end, t)]);
}
