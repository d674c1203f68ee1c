using System.Reflection;

namespace Village.Tests.Support;

/// <summary>Where the repository's files are: found by walking up from the test binaries to Village.slnx.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        // The binaries usually sit under the repository; with --artifacts-path they do not, and the build-time
        // location of the sources (recorded in the assembly) is the fallback.
        var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), recorded }.OfType<string>();
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Village.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Village.slnx above {string.Join(" or ", starts)}.");
    });

    public static string Root => RootPath.Value;

    public static string Web => Path.Combine(Root, "src", "Village.Web");

    /// <summary>The source files of the web app, without build output.</summary>
    public static IEnumerable<string> WebSources(params string[] extensions) =>
        Directory.EnumerateFiles(Web, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(Web, f).Replace('\\', '/');
                return !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal);
            });
}
