using System.Text.Json;

namespace Village.Web.Features.CheckIn;

/// <summary>Turns answers into the protected text kept in <see cref="CheckInEntry.ProtectedAnswers"/> and back: JSON
/// of the answers only (no score, no band), protected by <see cref="CheckInProtector"/>.</summary>
public sealed class CheckInAnswersCodec(CheckInProtector protector)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Protect(CheckInAnswers answers) => protector.Protect(JsonSerializer.Serialize(answers, Json));

    /// <summary>The answers, or null when they cannot be read (keys lost, or not answers any more).</summary>
    public CheckInAnswers? Read(string protectedAnswers)
    {
        var json = protector.Unprotect(protectedAnswers);
        if (json is null)
        {
            return null;
        }

        try
        {
            var answers = JsonSerializer.Deserialize<CheckInAnswers>(json, Json);
            return answers is not null && CheckInQuestions.Read(answers.ToValues(), out _) is { } valid ? valid : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
