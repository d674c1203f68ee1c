using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Safety;

/// <summary>A short list of words and phrases that may hurt (Resources/hurtful-words.*.txt, French and English
/// together), matched as whole words after <see cref="Gazetteer.Normalize"/>. A match does not block anything: the
/// form comes back with a gentle question, and the person edits or publishes anyway.</summary>
public sealed class HurtfulWords
{
    /// <summary>The "publish anyway" button's name and value: the person has read the question and chosen.</summary>
    public const string ConfirmField = "hurtfulConfirmed";

    /// <summary>Set in ViewData when a form pauses, for _HurtfulNotice and _HurtfulPublishAnyway.</summary>
    public const string PauseKey = "HurtfulPause";

    private static readonly string[] Files = ["hurtful-words.fr.txt", "hurtful-words.en.txt"];

    // Each phrase normalised and framed by spaces, so " con " matches the word and not "conseil".
    private readonly string[] _phrases;

    public HurtfulWords()
        : this(Files.SelectMany(ReadLines))
    {
    }

    private HurtfulWords(IEnumerable<string> lines) =>
        _phrases = lines
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Select(Gazetteer.Normalize)
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(phrase => $" {phrase} ")
            .ToArray();

    public int Count => _phrases.Length;

    public bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var framed = $" {Gazetteer.Normalize(text)} ";
        return _phrases.Any(phrase => framed.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>Whether the form should pause for a second look: one of the texts matches and the person has not
    /// yet chosen to publish anyway. Marks the page so its form shows the question.</summary>
    public bool ShouldPause(PageModel page, params string?[] texts)
    {
        if (page.Request.HasFormContentType && page.Request.Form[ConfirmField] == "true")
        {
            return false;
        }

        if (!texts.Any(Matches))
        {
            return false;
        }

        page.ViewData[PauseKey] = true;
        return true;
    }

    private static IEnumerable<string> ReadLines(string name)
    {
        using var stream = typeof(HurtfulWords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The word list {name} is not embedded.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
