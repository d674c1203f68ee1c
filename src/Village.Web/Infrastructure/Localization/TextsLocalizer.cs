using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Village.Web.Resources;

namespace Village.Web.Infrastructure.Localization;

/// <summary>The UI texts, read once from Texts.resx (French) and Texts.en.resx into one frozen dictionary per
/// language: a page asks for dozens of texts, and ResourceManager's lookups (culture walk, locks) showed in the
/// bench. Unknown cultures fall back to their parent, then French; an unknown key comes back as itself, marked
/// not found, as with the framework's localizer.</summary>
public sealed class TextsLocalizer : IStringLocalizer<Texts>
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byCulture;
    private readonly FrozenDictionary<string, string> neutral;

    public TextsLocalizer()
    {
        var resources = new ResourceManager(typeof(Texts).FullName!, typeof(Texts).Assembly);
        neutral = Read(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)).ToFrozenDictionary();
        byCulture = LocalizationSetup.Cultures.ToFrozenDictionary(
            culture => culture,
            culture =>
            {
                var texts = new Dictionary<string, string>(neutral);
                foreach (var (key, value) in Read(resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)))
                {
                    texts[key] = value;
                }

                return texts.ToFrozenDictionary();
            });
    }

    public LocalizedString this[string name] =>
        Texts().TryGetValue(name, out var value) ? new LocalizedString(name, value) : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        Texts().TryGetValue(name, out var value)
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value, arguments))
            : new LocalizedString(name, name, resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Texts().Select(t => new LocalizedString(t.Key, t.Value));

    private FrozenDictionary<string, string> Texts()
    {
        var culture = CultureInfo.CurrentUICulture;
        return byCulture.TryGetValue(culture.Name, out var texts) || byCulture.TryGetValue(culture.Parent.Name, out texts) ? texts : neutral;
    }

    private static IEnumerable<KeyValuePair<string, string>> Read(ResourceSet? set) =>
        set is null ? [] : set.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, string>((string)e.Key, (string)e.Value!));
}
