using System.Text;
using System.Text.RegularExpressions;

namespace Village.Tests.Support;

/// <summary>Just enough MIME to read what the app sends: headers, and the decoded text of each part.</summary>
public sealed partial class MimeMessage
{
    private MimeMessage(string headers, IReadOnlyDictionary<string, string> parts)
    {
        Headers = headers;
        Parts = parts;
    }

    public string Headers { get; }

    /// <summary>Decoded bodies by content type (text/plain, text/html).</summary>
    public IReadOnlyDictionary<string, string> Parts { get; }

    public string? Header(string name) =>
        HeaderLine().Matches(Unfold(Headers)).FirstOrDefault(m => string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase))?.Groups[2].Value.Trim();

    public static MimeMessage Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = raw[..split];
        var boundary = Boundary().Match(Unfold(headers)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(boundary), "Not a multipart message:\n" + headers);
        var parts = new Dictionary<string, string>();
        foreach (var part in raw[split..].Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
        {
            var end = part.IndexOf("\n\n", StringComparison.Ordinal);
            var partHeaders = Unfold(part[..end]);
            var type = ContentType().Match(partHeaders).Groups[1].Value.ToLowerInvariant();
            var body = part[(end + 2)..].TrimEnd('\n');
            parts[type] = TransferEncoding().Match(partHeaders).Groups[1].Value.ToLowerInvariant() switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal))),
                "quoted-printable" => QuotedPrintable(body),
                _ => body,
            };
        }

        return new MimeMessage(headers, parts);
    }

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string Unfold(string headers) => FoldedLine().Replace(headers, " ");

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"(?m)^([A-Za-z-]+):(.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"boundary=""?([^"";\n]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"Content-Type:\s*([a-z]+/[a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentType();

    [GeneratedRegex(@"Content-Transfer-Encoding:\s*([A-Za-z0-9-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TransferEncoding();
}
