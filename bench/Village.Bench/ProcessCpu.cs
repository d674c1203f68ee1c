using System.Globalization;

namespace Village.Bench;

/// <summary>
/// CPU time used by a process (and, for PostgreSQL, by the backends its postmaster forked), read from /proc.
/// On a shared two-core machine latency depends on what else runs; CPU milliseconds per request do much less,
/// so they are the figure to compare between two versions of a page.
/// </summary>
internal sealed class ProcessCpu(int pid, bool withChildren)
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static ProcessCpu? TryCreate(int? pid, bool withChildren) =>
        pid is > 0 && File.Exists($"/proc/{pid}/stat") ? new ProcessCpu(pid.Value, withChildren) : null;

    /// <summary>CPU seconds (user + system) so far; with children, those of the processes whose parent it is.</summary>
    public double Seconds()
    {
        var ticks = Read(pid)?.Ticks ?? 0;
        if (withChildren)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                    && Read(child) is { } stat && stat.Parent == pid)
                {
                    ticks += stat.Ticks;
                }
            }
        }

        return ticks / TicksPerSecond;
    }

    private static (int Parent, long Ticks)? Read(int id)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... utime stime": comm may hold spaces, so split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12
            ? (int.Parse(fields[1], CultureInfo.InvariantCulture),
               long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
            : null;
    }
}
