using System.Globalization;
using Microsoft.Extensions.Localization;
using Village.Web.Infrastructure.Localization;

namespace Village.Web.Features.Outings;

/// <summary>How discovery pages say an outing's day, ages and distance.</summary>
public static class OutingWords
{
    /// <summary>"jeudi 26 novembre · 10:00" in the outing's own time zone.</summary>
    public static string When(DateTime local) =>
        local.ToString("dddd d MMMM · HH:mm", CultureInfo.CurrentCulture);

    /// <summary>An age in months the way parents say it: "4 mois", "2 ans".</summary>
    public static string Age(int months, IStringLocalizer t) =>
        months < 24 ? t["Child.Months", months] : t.Plural("Child.Years", months / 12);

    /// <summary>"0 mois – 2 ans".</summary>
    public static string Ages(int min, int max, IStringLocalizer t) => t["Outings.Ages", Age(min, t), Age(max, t)];

    /// <summary>"à environ 3 km", rounded: positions are coarse.</summary>
    public static string Distance(double km, IStringLocalizer t) =>
        km < 1 ? t["Distance.UnderOne"] : t["Distance.About", (int)Math.Round(km)];
}
