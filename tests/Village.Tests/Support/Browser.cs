using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Village.Tests.Support;

/// <summary>A small browser over HTTP: keeps cookies, reads pages with AngleSharp, fills and posts forms with the
/// antiforgery token they carry, and follows redirects only when asked.</summary>
public sealed class Browser : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public Browser(VillageFactory factory)
    {
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://localhost"),
        });
    }

    public HttpClient Client { get; }

    public async Task<WebPage> GetAsync(string url, bool followRedirects = false)
    {
        var response = await Client.GetAsync(url);
        return await ReadAsync(response, followRedirects);
    }

    /// <summary>Posts raw fields (no token is added: use <see cref="SubmitAsync"/> for a real form).</summary>
    public async Task<WebPage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool followRedirects = false)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await Client.PostAsync(url, content);
        return await ReadAsync(response, followRedirects);
    }

    /// <summary>Fills the form (the page's main form unless a CSS selector says otherwise) and submits it.
    /// Fields are set by name; a value replaces every input of that name (checkbox and its hidden "false").</summary>
    public async Task<WebPage> SubmitAsync(
        WebPage page,
        IReadOnlyDictionary<string, string> fields,
        string? formSelector = null,
        bool followRedirects = false)
    {
        var form = page.Form(formSelector);
        var values = FormValues(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        return await PostAsync(target.PathAndQuery, values, followRedirects);
    }

    /// <summary>GETs the page then submits its form: the usual way a person fills a form.</summary>
    public async Task<WebPage> FillAsync(
        string url,
        IReadOnlyDictionary<string, string> fields,
        string? formSelector = null,
        bool followRedirects = false)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}.\n{page.Text[..Math.Min(page.Text.Length, 2000)]}");
        return await SubmitAsync(page, fields, formSelector, followRedirects);
    }

    /// <summary>Follows the footer's link to another language, as a person clicks it.</summary>
    public Task<WebPage> SwitchLanguageAsync(WebPage page, string culture, bool followRedirects = false)
    {
        var link = page.Document.QuerySelector($".language-switch a[hreflang='{culture}']");
        Assert.True(link is not null, $"No link to '{culture}' in the language switch of {page.Url}.");
        return GetAsync(link!.GetAttribute("href")!, followRedirects);
    }

    public void Dispose() => Client.Dispose();

    private async Task<WebPage> ReadAsync(HttpResponseMessage response, bool followRedirects)
    {
        for (var hops = 0; followRedirects && IsRedirect(response.StatusCode); hops++)
        {
            Assert.True(hops < 10, "More than 10 redirects.");
            var location = response.Headers.Location ?? throw new InvalidOperationException("A redirect without Location.");
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await Client.GetAsync(next.PathAndQuery);
        }

        var text = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri ?? new Uri("http://localhost/");
        var document = await Parser.ParseDocumentAsync(text);
        return new WebPage(response, url, text, document);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>What a browser would send for this form untouched: inputs, checked boxes, selects and text areas.</summary>
    private static List<KeyValuePair<string, string>> FormValues(IElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        continue;
                    }

                    if (type is "checkbox" or "radio" && !input.HasAttribute("checked"))
                    {
                        continue;
                    }

                    values.Add(new(name, input.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.TextContent));
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
                    if (option is not null)
                    {
                        values.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
                    }

                    break;
                default:
                    break;
            }
        }

        return values;
    }
}

public static class VillageFactoryBrowsers
{
    /// <summary>A new browser-like client with its own cookies.</summary>
    public static Browser NewBrowser(this VillageFactory factory) => new(factory);
}

/// <summary>A response as a page: status, headers, raw text and the parsed document.</summary>
public sealed class WebPage(HttpResponseMessage response, Uri url, string text, IDocument document)
{
    public HttpResponseMessage Response { get; } = response;

    public HttpStatusCode Status => Response.StatusCode;

    public Uri Url { get; } = url;

    public string Text { get; } = text;

    public IDocument Document { get; } = document;

    /// <summary>The redirect target as a site path ("/account/check-email"), or null.</summary>
    public string? Location => Response.Headers.Location is { } location
        ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString
        : null;

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    /// <summary>The text of the form's error summary, or null when there is none.</summary>
    public string? ErrorSummary => Document.QuerySelector(".error-summary")?.TextContent.Normalized();

    public string? Lang => Document.DocumentElement.GetAttribute("lang");

    /// <summary>The page's main form: the first posting form inside &lt;main&gt;, unless a selector says which.</summary>
    public IElement Form(string? selector = null)
    {
        var form = selector is null
            ? Document.QuerySelectorAll("main form").FirstOrDefault(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            : Document.QuerySelector(selector);
        Assert.True(form is not null, $"No form {selector ?? "in <main>"} on {Url} ({(int)Status}).\n{Text[..Math.Min(Text.Length, 3000)]}");
        return form!;
    }

    /// <summary>The value an input currently shows (what the person typed comes back here).</summary>
    public string? FieldValue(string name) =>
        Document.QuerySelectorAll("input, textarea").FirstOrDefault(e => e.GetAttribute("name") == name && e.GetAttribute("type") != "hidden") switch
        {
            IHtmlTextAreaElement area => area.Value,
            { } input => input.GetAttribute("value"),
            null => null,
        };

    /// <summary>The page's antiforgery token, to post by hand what no form on the page offers.</summary>
    public string AntiforgeryToken =>
        Document.QuerySelector($"input[name={Browser.AntiforgeryField}]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {Url}.");

    public override string ToString() => $"{(int)Status} {Url} {Text[..Math.Min(Text.Length, 3000)]}";
}

public static class TextExtensions
{
    /// <summary>Collapses the runs of white space that HTML layout collapses; non-breaking spaces (French
    /// typography, before « : ! ? ») are kept, as a reader sees them.</summary>
    public static string Normalized(this string text) =>
        string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
