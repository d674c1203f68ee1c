using System.Text.RegularExpressions;
using System.Xml.Linq;
using Village.Tests.Support;

namespace Village.Tests.Resources;

/// <summary>The UI text files: French (Texts.resx, the default) and English (Texts.en.resx) must say the same
/// things, and every key the code asks for must exist (a missing key shows its name to the reader).</summary>
public sealed partial class TextsTests
{
    [Fact]
    public void French_and_English_have_exactly_the_same_keys()
    {
        var french = TextsFile.French.Keys.ToHashSet();
        var english = TextsFile.English.Keys.ToHashSet();

        Assert.NotEmpty(french);
        Assert.True(french.SetEquals(english), $"""
            Only in Texts.resx (French): {string.Join(", ", french.Except(english).Order())}
            Only in Texts.en.resx (English): {string.Join(", ", english.Except(french).Order())}
            """);
    }

    [Theory]
    [InlineData("Texts.resx")]
    [InlineData("Texts.en.resx")]
    public void No_text_is_empty_or_defined_twice(string file)
    {
        var names = XDocument.Load(TextsFile.PathOf(file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var texts = TextsFile.Load(file);

        Assert.Empty(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var mismatches = TextsFile.French
            .Where(t => TextsFile.English.ContainsKey(t.Key))
            .Where(t => !Placeholders(t.Value).SetEquals(Placeholders(TextsFile.English[t.Key])))
            .Select(t => $"{t.Key}: fr {{{string.Join(",", Placeholders(t.Value).Order())}}} en {{{string.Join(",", Placeholders(TextsFile.English[t.Key]).Order())}}}")
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_key_the_code_uses_exists()
    {
        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Repository.WebSources(".cs", ".cshtml"))
        {
            var source = File.ReadAllText(file);
            var patterns = Path.GetExtension(file) == ".cshtml"
                ? [ViewKey()]
                : new[] { ViewKey(), CodeKey(), ErrorMessageKey(), DisplayNameKey() };
            foreach (var match in patterns.SelectMany(p => p.Matches(source)))
            {
                used.TryAdd(match.Groups["key"].Value, Path.GetRelativePath(Repository.Root, file));
            }
        }

        Assert.True(used.Count > 50, $"Only {used.Count} keys found: has the way the code asks for text changed?");
        Assert.Contains("SignIn.Failed", used.Keys);
        Assert.Contains("Validation.Required", used.Keys);
        Assert.Contains("SignUp.Email", used.Keys);
        var missing = used.Where(u => !TextsFile.French.ContainsKey(u.Key)).Select(u => $"{u.Key} (in {u.Value})").ToList();
        Assert.True(missing.Count == 0, $"Keys missing from Texts.resx:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void Every_email_has_all_its_texts()
    {
        var senders = Directory.GetFiles(Path.Combine(Repository.Web, "Features"), "*Emails.cs", SearchOption.AllDirectories);
        var kinds = senders.SelectMany(f => EmailKind().Matches(File.ReadAllText(f))).Select(m => m.Groups["kind"].Value).Distinct().ToList();
        var template = File.ReadAllText(Path.Combine(Repository.Web, "Infrastructure", "Email", "TemplatedEmails.cs"));
        var parts = EmailPart().Matches(template).Select(m => m.Groups["part"].Value).Distinct().ToList();

        Assert.Superset(new HashSet<string> { "ConfirmAddress", "AlreadyRegistered", "ResetPassword", "ConfirmNewAddress" }, kinds.ToHashSet());
        Assert.Superset(new HashSet<string> { "Subject", "Body1", "Body2", "Action" }, parts.ToHashSet());
        var keys = kinds.SelectMany(k => parts.Select(p => $"Email.{k}.{p}")).ToList();
        Assert.Equal([], keys.Where(k => !TextsFile.French.ContainsKey(k)).ToList());
        Assert.Equal([], keys.Where(k => !TextsFile.English.ContainsKey(k)).ToList());
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bT\[""(?<key>[^""]+)""")]
    private static partial Regex ViewKey();

    [GeneratedRegex(@"\bt\[""(?<key>[^""]+)""")]
    private static partial Regex CodeKey();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex ErrorMessageKey();

    [GeneratedRegex(@"\bDisplay\(\s*Name\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex DisplayNameKey();

    [GeneratedRegex(@"Send\(\w+, [^;]*?""(?<kind>\w+)""\s*,\s*\w+\)")]
    private static partial Regex EmailKind();

    [GeneratedRegex(@"t\[\$""Email\.\{kind\}\.(?<part>\w+)""\]")]
    private static partial Regex EmailPart();
}
