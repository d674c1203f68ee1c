using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Demo;
using Village.Web.Features.ServiceDirectory.Hsds;

namespace Village.Web.Infrastructure;

/// <summary>Administrative commands: <c>dotnet Village.Web.dll migrate | create-admin EMAIL | seed-demo | export-hsds FILE | import-hsds FILE|FOLDER|ZIP [--pending]</c>.</summary>
public static class Commands
{
    public static readonly string[] Names = ["migrate", "create-admin", "seed-demo", "export-hsds", "import-hsds"];

    /// <summary>Splits "command args..." from the host's own arguments.</summary>
    public static (string? Command, string[] HostArgs) Parse(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<VillageDb>();
        await db.MigrateAsync();
        Console.WriteLine($"Database up to date ({DatabaseSetup.Provider(app.Configuration)}).");
        switch (command)
        {
            case "create-admin":
                return await CreateAdminAsync(services, args);
            case "seed-demo":
                await services.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out);
                return 0;
            case "export-hsds":
                return await ExportHsdsAsync(services, args);
            case "import-hsds":
                return await ImportHsdsAsync(services, args);
            default:
                return 0;
        }
    }

    /// <summary>export-hsds FILE: the published directory as an HSDS 3.0 JSON array of services ("-" for stdout).</summary>
    private static async Task<int> ExportHsdsAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Usage: export-hsds FILE   (an HSDS 3.0 JSON array of the published services; - for the standard output)");
            return 2;
        }

        var export = services.GetRequiredService<HsdsExport>();
        if (args[0] == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await export.WriteAsync(stdout, CancellationToken.None);
            return 0;
        }

        await using (var file = File.Create(args[0]))
        {
            var count = await export.WriteAsync(file, CancellationToken.None);
            Console.WriteLine($"{count} services written to {args[0]}.");
        }

        return 0;
    }

    /// <summary>create-admin EMAIL, with the password from VILLAGE_ADMIN_PASSWORD or typed at the prompt.</summary>
    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Usage: create-admin EMAIL   (password from VILLAGE_ADMIN_PASSWORD or the prompt)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("VILLAGE_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine() ?? "";
        }

        var accounts = services.GetRequiredService<AccountCreation>();
        var result = await accounts.CreateConfirmedAsync(args[0], password, "Administration", [Roles.Administrator, Roles.Moderator]);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine(error.Description);
        }

        Console.WriteLine(result.Succeeded ? $"Administrator {args[0]} created." : "No administrator created.");
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>import-hsds FILE|FOLDER|ZIP [--pending]: an HSDS 3.0 dataset into the directory, all or nothing.</summary>
    private static async Task<int> ImportHsdsAsync(IServiceProvider services, string[] args)
    {
        var pending = args.Contains("--pending");
        var paths = args.Where(a => a != "--pending").ToList();
        if (paths.Count != 1)
        {
            Console.Error.WriteLine("Usage: import-hsds FILE.json|FOLDER|FILE.zip [--pending]   (services published unless --pending)");
            return 2;
        }

        var import = new HsdsImport(services.GetRequiredService<VillageDb>(), services.GetRequiredService<TimeProvider>());
        var result = await import.ImportAsync(paths[0], pending);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine(error);
        }

        if (!result.Succeeded)
        {
            var more = result.ErrorCount - result.Errors.Count;
            Console.Error.WriteLine(more > 0 ? $"... and {more} more errors. Nothing imported." : "Nothing imported.");
            return 1;
        }

        foreach (var count in result.Counts)
        {
            Console.WriteLine($"{count.Kind}: {count.Created} created, {count.Updated} updated, {count.Unchanged} unchanged");
        }

        return 0;
    }
}
