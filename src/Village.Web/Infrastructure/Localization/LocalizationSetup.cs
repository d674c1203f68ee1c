using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Village.Web.Resources;

namespace Village.Web.Infrastructure.Localization;

/// <summary>French by default, English available; the choice lives in a cookie (and on the member for emails).</summary>
public static class LocalizationSetup
{
    public const string DefaultCulture = "fr";

    public static readonly string[] Cultures = [DefaultCulture, "en"];

    public static bool IsSupported(string? culture) => culture is not null && Cultures.Contains(culture);

    public static WebApplicationBuilder AddVillageLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<IStringLocalizer<Texts>, TextsLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>Model binding errors ("'abc' is not a number") in the reader's language, never in framework English.</summary>
    public static void LocalizeBindingMessages(DefaultModelBindingMessageProvider messages, IStringLocalizerFactory factory)
    {
        var t = factory.Create(typeof(Texts));
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["Validation.Invalid", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => t["Validation.Required", field]);
        messages.SetMissingKeyOrValueAccessor(() => t["Validation.Missing"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Missing"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.InvalidValue"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.InvalidValue"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["Validation.InvalidField", field]);
        messages.SetValueIsInvalidAccessor(_ => t["Validation.InvalidValue"]);
        messages.SetValueMustBeANumberAccessor(field => t["Validation.NumberField", field]);
        messages.SetValueMustNotBeNullAccessor(field => t["Validation.Required", field]);
    }
}
