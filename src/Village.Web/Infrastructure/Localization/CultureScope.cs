using System.Globalization;

namespace Village.Web.Infrastructure.Localization;

/// <summary>Switches the current culture for a block, e.g. to write an email in its recipient's language.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        var target = CultureInfo.GetCultureInfo(LocalizationSetup.IsSupported(name) ? name : LocalizationSetup.DefaultCulture);
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
