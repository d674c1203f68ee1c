using System.Globalization;
using Microsoft.Extensions.Localization;
using Village.Web.Infrastructure.Localization;

namespace Village.Web.Features.Profiles;

/// <summary>Says a child's age the way parents do: "3 months", "2 years", or "due in March 2027".</summary>
public static class ChildAge
{
    public static string Describe(Child child, DateOnly today, IStringLocalizer t)
    {
        if (child.IsExpected)
        {
            var due = new DateOnly(child.Year, child.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture);
            return t["Child.Expected", due];
        }

        return child.AgeInMonths(today) switch
        {
            null or 0 => t["Child.Newborn"],
            1 => t["Child.OneMonth"],
            < 24 and var months => t["Child.Months", months],
            int months => t.Plural("Child.Years", months / 12),
        };
    }
}
