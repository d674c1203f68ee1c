using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Village.Tests.Support;

/// <summary>Validates JSON documents against the HSDS 3.0 schemas copied in docs/hsds-3.0, with ajv 8 and ajv-formats
/// (npm, installed in tests/Village.BrowserTests by <c>npm ci</c>), through a node script: every schema is loaded with
/// its file name as <c>$id</c>, so that the schemas' relative <c>$ref</c>s ("attribute.json") resolve. One node run
/// checks a whole batch; the answer is the list of failures, empty when everything conforms.</summary>
public static class HsdsSchemas
{
    private const string Script = """
        const Ajv = require('ajv');
        const addFormats = require('ajv-formats');
        const fs = require('fs');
        const path = require('path');
        const [folder, input] = process.argv.slice(2);
        const ajv = new Ajv({ strict: false, allErrors: true });
        addFormats(ajv);
        for (const file of fs.readdirSync(folder)) {
          if (!file.endsWith('.json') || file === 'openapi.json') continue;
          const schema = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
          schema.$id = file;
          ajv.addSchema(schema, file);
        }
        const failures = [];
        for (const item of JSON.parse(fs.readFileSync(input, 'utf8'))) {
          const validate = ajv.getSchema(item.schema);
          if (!validate) { failures.push(`${item.label}: no schema ${item.schema}`); continue; }
          if (!validate(item.data)) failures.push(`${item.label} (${item.schema}): ${ajv.errorsText(validate.errors)}`);
        }
        process.stdout.write(JSON.stringify(failures));
        """;

    /// <summary>The failures among (label, schema file name, instance).</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(IEnumerable<(string Label, string Schema, JsonNode Data)> items)
    {
        var root = Repository.Root;
        var modules = Path.Combine(root, "tests", "Village.BrowserTests", "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "ajv-formats")))
        {
            throw new FileNotFoundException("ajv is missing: run `npm ci` in tests/Village.BrowserTests.");
        }

        var folder = Directory.CreateTempSubdirectory("village-hsds-").FullName;
        try
        {
            var script = Path.Combine(folder, "validate.cjs");
            var input = Path.Combine(folder, "input.json");
            await File.WriteAllTextAsync(script, Script);
            var array = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["label"] = i.Label,
                ["schema"] = i.Schema,
                ["data"] = i.Data.DeepClone(),
            })]);
            await File.WriteAllTextAsync(input, array.ToJsonString());
            var start = new ProcessStartInfo("node", [script, Path.Combine(root, "docs", "hsds-3.0"), input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["NODE_PATH"] = modules;
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"The HSDS validator failed:\n{await error}");
            return [.. JsonNode.Parse(await output)!.AsArray().Select(f => (string)f!)];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The paths of every null in a document (HSDS wants absent values left out).</summary>
    public static IEnumerable<string> Nulls(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case null:
                yield return path;
                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    foreach (var found in Nulls(value, $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var found in Nulls(a[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
