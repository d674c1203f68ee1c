using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Village.Tests.Support;

/// <summary>Parses iCalendar text with a real parser, ical.js (npm, installed in tests/Village.BrowserTests by
/// <c>npm ci</c>), through a tiny node script: every event with its UID, summary, status, sequence, location, URL, its
/// start and end as written (local time and TZID) and as an instant (UTC, computed by ical.js from the VTIMEZONE).</summary>
public static class ICalParser
{
    private const string Script = """
        const ICAL = require('ical.js');
        const fs = require('fs');
        const text = fs.readFileSync(process.argv[2], 'utf8');
        const calendar = new ICAL.Component(ICAL.parse(text));
        const zones = calendar.getAllSubcomponents('vtimezone');
        for (const zone of zones) ICAL.TimezoneService.register(zone);
        const events = calendar.getAllSubcomponents('vevent').map((v) => {
          const e = new ICAL.Event(v);
          return {
            uid: e.uid, summary: e.summary, description: e.description, location: e.location,
            status: v.getFirstPropertyValue('status'), sequence: e.sequence, url: v.getFirstPropertyValue('url'),
            tzid: v.getFirstProperty('dtstart').getParameter('tzid'),
            start: e.startDate.toString(), end: e.endDate.toString(),
            startUtc: e.startDate.toJSDate().toISOString(), endUtc: e.endDate.toJSDate().toISOString(),
            stamp: v.getFirstPropertyValue('dtstamp').toString(),
          };
        });
        process.stdout.write(JSON.stringify({ name: calendar.getFirstPropertyValue('x-wr-calname'), timezones: zones.map((z) => z.getFirstPropertyValue('tzid')), events }));
        """;

    public static async Task<JsonObject> ParseAsync(string ics)
    {
        var modules = NodeModules();
        var folder = Directory.CreateTempSubdirectory("village-ics-").FullName;
        try
        {
            var script = Path.Combine(folder, "parse.cjs");
            var file = Path.Combine(folder, "calendar.ics");
            await File.WriteAllTextAsync(script, Script);
            await File.WriteAllTextAsync(file, ics);
            var start = new ProcessStartInfo("node", [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["NODE_PATH"] = modules;
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"ical.js could not parse the calendar:\n{await error}\n{ics}");
            return (JsonObject)JsonNode.Parse(await output)!;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>tests/Village.BrowserTests/node_modules, found by walking up from the test assembly.</summary>
    private static string NodeModules()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Village.BrowserTests", "node_modules");
            if (Directory.Exists(Path.Combine(candidate, "ical.js")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("ical.js is missing: run `npm ci` in tests/Village.BrowserTests.");
    }
}
