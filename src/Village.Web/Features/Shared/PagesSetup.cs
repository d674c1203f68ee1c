using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Shared;

public static class PagesSetup
{
    /// <summary>Razor Pages rooted at Features/, with localized text, validation and binding messages.</summary>
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        // French pages stay readable and light: accented letters are written as they are, not as &#xE9;.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services
            .AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)));
        builder.Services.AddOptions<MvcOptions>()
            .Configure<IStringLocalizerFactory>((o, factory) =>
            {
                LocalizationSetup.LocalizeBindingMessages(o.ModelBindingMessageProvider, factory);
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            });
        return builder;
    }
}
