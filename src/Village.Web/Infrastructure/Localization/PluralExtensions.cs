using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Village.Web.Infrastructure.Localization;

public static class PluralExtensions
{
    /// <summary>Picks "Key.One" or "Key.Other" by the current language's rule: in French 0 and 1 are singular,
    /// in English only 1 is.</summary>
    public static LocalizedString Plural(this IStringLocalizer t, string key, int count)
    {
        var singular = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
        return t[$"{key}.{(singular ? "One" : "Other")}", count];
    }
}
