using System.Globalization;
using System.Xml.Linq;

namespace Village.Tests.Support;

/// <summary>The UI text as the resource files hold it: Texts.resx (French, the default) and Texts.en.resx.</summary>
public static class TextsFile
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> FrenchTexts = new(() => Load("Texts.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnglishTexts = new(() => Load("Texts.en.resx"));

    public static IReadOnlyDictionary<string, string> French => FrenchTexts.Value;

    public static IReadOnlyDictionary<string, string> English => EnglishTexts.Value;

    public static string PathOf(string file) => Path.Combine(Repository.Web, "Resources", file);

    /// <summary>A French text formatted like IStringLocalizer does (string.Format with the current culture).</summary>
    public static string Fr(string key, params object[] arguments) => Format(French, "fr", key, arguments);

    public static string En(string key, params object[] arguments) => Format(English, "en", key, arguments);

    public static IReadOnlyDictionary<string, string> Load(string file)
    {
        var path = PathOf(file);
        Assert.True(File.Exists(path), $"{path} does not exist.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            // Later duplicates would win at run time too; the consistency test reports them.
            texts[(string)data.Attribute("name")!] = (string?)data.Element("value") ?? "";
        }

        return texts;
    }

    private static string Format(IReadOnlyDictionary<string, string> texts, string culture, string key, object[] arguments)
    {
        Assert.True(texts.TryGetValue(key, out var text), $"No resource {key} ({culture}).");
        return arguments.Length == 0 ? text! : string.Format(CultureInfo.GetCultureInfo(culture), text!, arguments);
    }
}
