using Village.Bench;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    PrintUsage();
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = new Arguments(args[1..]);
    switch (args[0])
    {
        case "generate":
            await Generator.RunAsync(options);
            return 0;
        case "run":
            return await LoadRunner.RunAsync(options);
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            PrintUsage();
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    PrintUsage();
    return 2;
}

static void PrintUsage() => Console.Error.WriteLine(
    """
    Village.Bench: a dataset generator and HTTP load scenarios for Village.Web.

      generate --connection "<npgsql connection string>" [--parents 100000] [--communities 1000] [--posts 1000000] [--outings 50000] [--seed 42]
          Migrates the schema with the app's own migrations, deletes earlier bench parents
          (parent{n}@bench.village) and communities (bench-{n}), bulk-loads new ones with binary COPY
          (posts with their comments and merci), then runs ANALYZE.
          Every bench parent's password is "bench-password".

      run [--url http://127.0.0.1:5090] [--connections 50] [--duration 20] [--warmup 3]
          [--scenario landing|home|profile|towns|feed|post|outings|get:/path|auth:/path]... [--accounts 50] [--parents 100000] [--seed 42]
          [--connection "<npgsql>"] [--app-pid PID] [--db-pid POSTMASTER_PID]
          Signs in --accounts bench parents (for the signed-in scenarios), runs each scenario (all by
          default) and prints p50/p95/p99 latency and throughput. With --connection, and a server that
          preloads pg_stat_statements, also prints the statements each scenario ran per request.
          With --app-pid / --db-pid (Linux), adds the CPU milliseconds the app and PostgreSQL spent per request.
    """);
