using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Village.Bench;

/// <summary>
/// <c>run</c>: for each scenario, a warm-up then N concurrent workers sharing one HttpClient (one connection each)
/// for a fixed duration; latency per request from Stopwatch timestamps, body read to the end.
/// </summary>
internal static class LoadRunner
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(Arguments args)
    {
        var url = new Uri(args.Get("url") ?? "http://127.0.0.1:5090");
        var connections = args.Int("connections", 50);
        var duration = TimeSpan.FromSeconds(args.Double("duration", 20));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 3));
        var parents = args.Int("parents", 100_000);
        var accounts = Math.Min(Math.Min(args.Int("accounts", 50), parents), LoadRunnerAccounts.Max);
        var seed = args.Int("seed", 42);
        var names = args.All("scenario").SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        names = names.Count > 0 ? names : [.. Scenarios.Names];
        var targets = names.Intersect(Scenarios.CommunityScenarios).Any() && args.Get("connection") is { } feedDatabase
            ? await FeedTargets.LoadAsync(feedDatabase, LoadRunnerAccounts.ParentNumber(0, parents), seed)
            : null;
        var scenarios = names.Select(n => Scenarios.Create(n, seed, targets, url)).ToList();
        if (connections < 1 || duration <= TimeSpan.Zero || accounts < 1)
        {
            throw new ArgumentException("--connections, --duration and --accounts must be positive.");
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = RequestTimeout };

        Console.WriteLine($"Target {url} · {connections} connections · {duration.TotalSeconds:0.#} s per scenario after {warmup.TotalSeconds:0.#} s of warm-up");
        if (!await IsHealthyAsync(http))
        {
            Console.Error.WriteLine($"{url}healthz does not answer 200: is the app running?");
            return 1;
        }

        string[]? sessions = null;
        string? sessionError = null;
        if (scenarios.Any(s => s.SignedIn))
        {
            try
            {
                sessions = await SignInAsync(http, accounts, parents);
            }
            catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException)
            {
                sessionError = e.Message;
                Console.Error.WriteLine($"Signing in failed: {e.Message}");
            }
        }

        await using var database = await DatabaseStats.TryOpenAsync(args.Get("connection"));
        var appCpu = ProcessCpu.TryCreate(args.Get("app-pid") is { } app ? int.Parse(app, CultureInfo.InvariantCulture) : null, withChildren: false);
        var dbCpu = ProcessCpu.TryCreate(args.Get("db-pid") is { } db ? int.Parse(db, CultureInfo.InvariantCulture) : null, withChildren: true);
        var results = new List<ScenarioResult>();
        var statements = new StringBuilder();
        foreach (var scenario in scenarios)
        {
            if (scenario.SignedIn && sessions is null)
            {
                results.Add(ScenarioResult.Skipped(scenario, $"not run: signing in failed ({sessionError})"));
                continue;
            }

            Console.WriteLine($"· {scenario.Name}: {scenario.Description}");
            await RunPhaseAsync(http, scenario, sessions, connections, warmup, seed);
            if (database is not null)
            {
                await database.ResetAsync();
            }

            var appBefore = appCpu?.Seconds();
            var dbBefore = dbCpu?.Seconds();
            var result = await RunPhaseAsync(http, scenario, sessions, connections, duration, seed + 1);
            result = result with
            {
                AppCpuMs = appBefore is { } a ? (appCpu!.Seconds() - a) * 1000 / Math.Max(result.Requests, 1) : null,
                DbCpuMs = dbBefore is { } d ? (dbCpu!.Seconds() - d) * 1000 / Math.Max(result.Requests, 1) : null,
            };
            results.Add(result);
            if (database is not null)
            {
                statements.Append(await database.TopAsync(scenario.Name, result.Requests));
            }
        }

        if (statements.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Database statements (pg_stat_statements, measured phase only):");
            Console.Write(statements);
        }

        Console.WriteLine();
        Console.Write(Report(results));
        return 0;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Signs in <paramref name="accounts"/> different bench parents, spread over the whole dataset.</summary>
    private static async Task<string[]> SignInAsync(HttpClient http, int accounts, int parents)
    {
        var clock = Stopwatch.StartNew();
        var sessions = new string[accounts];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Parallel.ForAsync(0, accounts, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel.Token }, async (i, ct) =>
        {
            sessions[i] = await Scenarios.SignInAsync(http, BenchData.Email(LoadRunnerAccounts.ParentNumber(i, parents)), BenchData.Password, ct);
        });
        Console.WriteLine($"Signed in {accounts} bench parents in {clock.Elapsed.TotalSeconds:F1} s.");
        return sessions;
    }

    private static async Task<ScenarioResult> RunPhaseAsync(
        HttpClient http, Scenario scenario, string[]? sessions, int connections, TimeSpan duration, int seed)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<WorkerResult>[connections];
        for (var w = 0; w < connections; w++)
        {
            var worker = w;
            var cookie = scenario.SignedIn ? sessions![worker % sessions.Length] : null;
            workers[w] = Task.Run(() => WorkAsync(http, scenario, cookie, deadline, new Random(seed * 1000 + worker)));
        }

        var done = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return ScenarioResult.From(scenario, done, elapsed);
    }

    private static async Task<WorkerResult> WorkAsync(HttpClient http, Scenario scenario, string? cookie, long deadline, Random random)
    {
        var result = new WorkerResult();
        var buffer = new byte[16 * 1024];
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var path = scenario.NextPath(random);
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (cookie is not null)
                {
                    request.Headers.TryAddWithoutValidation("Cookie", cookie);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var ok = (int)response.StatusCode is >= 200 and < 300;
                await using var body = await response.Content.ReadAsStreamAsync();
                long bytes = 0;
                MemoryStream? errorBody = ok || result.FirstError is not null ? null : new MemoryStream();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                    if (errorBody is not null && errorBody.Length < 8192)
                    {
                        errorBody.Write(buffer, 0, read);
                    }
                }

                result.Latencies.Add(Stopwatch.GetTimestamp() - begin);
                if (ok)
                {
                    result.Bytes += bytes;
                }
                else
                {
                    result.Errors++;
                    if (errorBody is not null)
                    {
                        var location = response.Headers.Location is { } l ? $" → {l}" : "";
                        result.FirstError = $"{(int)response.StatusCode} {response.StatusCode} on GET {path}{location}: "
                            + Scenarios.Snippet(Encoding.UTF8.GetString(errorBody.GetBuffer(), 0, (int)errorBody.Length));
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                result.Latencies.Add(Stopwatch.GetTimestamp() - begin);
                result.Errors++;
                result.FirstError ??= $"{e.GetType().Name} on GET {path}: {e.Message}";
            }
        }

        return result;
    }

    private static string Report(List<ScenarioResult> results)
    {
        var cpu = results.Any(r => r.AppCpuMs is not null || r.DbCpuMs is not null);
        var table = new StringBuilder();
        table.Append("| scenario     | requests | errors |    req/s |  p50 ms |  p95 ms |  p99 ms | avg bytes |");
        table.AppendLine(cpu ? " app cpu ms/req | db cpu ms/req |" : "");
        table.Append("| ------------ | -------: | -----: | -------: | ------: | ------: | ------: | --------: |");
        table.AppendLine(cpu ? " -------------: | ------------: |" : "");
        foreach (var r in results)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {r.Name,-12} | {r.Requests,8} | {r.Errors,6} | {r.PerSecond,8:F0} | {r.P50,7:F1} | {r.P95,7:F1} | {r.P99,7:F1} | {r.AverageBytes,9:F0} |");
            table.AppendLine(cpu ? string.Create(CultureInfo.InvariantCulture, $" {r.AppCpuMs,14:F2} | {r.DbCpuMs,13:F2} |") : "");
        }

        foreach (var r in results.Where(r => r.Note is not null))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{r.Name}: {r.Note}");
        }

        return table.ToString();
    }

    private sealed class WorkerResult
    {
        public List<long> Latencies { get; } = new(4096);

        public int Errors { get; set; }

        public long Bytes { get; set; }

        public string? FirstError { get; set; }
    }

    private sealed record ScenarioResult(
        string Name, int Requests, int Errors, double PerSecond, double P50, double P95, double P99, double AverageBytes, string? Note)
    {
        public double? AppCpuMs { get; init; }

        public double? DbCpuMs { get; init; }

        public static ScenarioResult Skipped(Scenario scenario, string note) =>
            new(scenario.Name, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, note);

        public static ScenarioResult From(Scenario scenario, WorkerResult[] workers, TimeSpan elapsed)
        {
            var latencies = workers.SelectMany(w => w.Latencies).ToArray();
            Array.Sort(latencies);
            var requests = latencies.Length;
            var errors = workers.Sum(w => w.Errors);
            var successes = requests - errors;
            var firstError = workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null);
            return new ScenarioResult(
                scenario.Name,
                requests,
                errors,
                requests / elapsed.TotalSeconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.95),
                Percentile(latencies, 0.99),
                successes > 0 ? (double)workers.Sum(w => w.Bytes) / successes : 0,
                firstError is null ? null : $"first error: {firstError}");
        }

        // Nearest rank, in milliseconds.
        private static double Percentile(long[] sorted, double p)
        {
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        }
    }
}
