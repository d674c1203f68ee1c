using System.Reflection;
using System.Text.Json;

namespace Village.BrowserTests.Support;

/// <summary>axe-core (from the npm lockfile in this project's folder) run inside a page.</summary>
public sealed class Axe
{
    private const string RunScript = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact || 'unknown',
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({
              target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(', '),
              html: n.html,
            })),
          }));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lazy<string> source = new(() => File.ReadAllText(FindScript()));

    /// <summary>Injects axe (the page's context must bypass CSP) and returns the violations, worst first.</summary>
    public async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = source.Value });
        }

        var result = await page.EvaluateAsync<JsonElement>(RunScript);
        var violations = result.Deserialize<List<AxeViolation>>(Json) ?? [];
        return [.. violations.OrderBy(v => Rank(v.Impact))];
    }

    public static bool IsBlocking(AxeViolation violation) => violation.Impact is "serious" or "critical";

    private static int Rank(string impact) => impact switch
    {
        "critical" => 0,
        "serious" => 1,
        "moderate" => 2,
        "minor" => 3,
        _ => 4,
    };

    /// <summary>node_modules/axe-core/axe.min.js in this project's folder: found by walking up from the test
    /// assembly, or, when the build output lives elsewhere (--artifacts-path), from the folder recorded at build.</summary>
    private static string FindScript()
    {
        const string relative = "node_modules/axe-core/axe.min.js";
        var tried = new List<string>();
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(folder.FullName, relative), Path.Combine(folder.FullName, "tests", "Village.BrowserTests", relative) })
            {
                tried.Add(candidate);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var projectFolder = typeof(Axe).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        if (projectFolder is not null)
        {
            var candidate = Path.Combine(projectFolder, relative);
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"axe-core is missing: run `npm ci` in tests/Village.BrowserTests. Looked for:\n{string.Join("\n", tried.Distinct())}");
    }
}

public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public string Describe(string page) =>
        $"[{Impact}] {Id} on {page}: {Help} ({HelpUrl})\n" + string.Join("\n", Nodes.Select(n => $"    {n.Target}    {n.Html}"));
}

public sealed record AxeNode(string Target, string Html);
