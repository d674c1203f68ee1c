using System.Net.Http.Headers;

namespace Village.Bench;

/// <summary>
/// The few cookies one signed-in bench client keeps. Outside Development the app marks its cookies Secure, and
/// <see cref="System.Net.CookieContainer"/> never sends a Secure cookie over plain http; the bench only talks to
/// the loopback address, so it keeps name=value pairs itself and writes the Cookie header by hand.
/// </summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool Has(string name) => _cookies.ContainsKey(name);

    public string Header => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public void Store(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var setCookie in values)
        {
            var end = setCookie.IndexOf(';', StringComparison.Ordinal);
            var pair = end < 0 ? setCookie : setCookie[..end];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }
}
