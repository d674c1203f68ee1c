using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Village.Web.Features.ServiceDirectory.Hsds;

// The import's readers: JSON (streamed record by record with Utf8JsonReader) and the tabular datapackage (RFC 4180
// CSV files in a folder or a zip), both into the same small tree of values that remembers where each value stood
// in its file, so that every error can name the line and column.

internal enum HsdsNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON value, or a CSV row (an object of strings), with its place in the file.</summary>
internal sealed class HsdsNode
{
    public HsdsNodeKind Kind { get; init; }

    /// <summary>The string, the number as written, or "true"/"false".</summary>
    public string? Text { get; init; }

    public List<KeyValuePair<string, HsdsNode>>? Properties { get; init; }

    public List<HsdsNode>? Items { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>The file a CSV row comes from; null for JSON (one file).</summary>
    public string? File { get; init; }

    public string Where => File is null ? $"line {Line}, column {Column}" : $"{File} line {Line}, column {Column}";

    public HsdsNode? Property(string name)
    {
        if (Properties is null)
        {
            return null;
        }

        foreach (var (key, value) in Properties)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>An error in the file itself (not JSON, not CSV, not UTF-8), where it stands.</summary>
internal sealed class HsdsFormatException(string message) : Exception(message);

/// <summary>Reads an HSDS JSON file: a service, an organisation with its services, a list of them or a page
/// envelope <c>{"contents": [...]}</c>; hands each top-level record over as soon as it is read.</summary>
internal static class HsdsJsonSource
{
    public static void Read(ReadOnlyMemory<byte> bytes, Action<HsdsNode, string> onRecord)
    {
        var utf8 = bytes.Span;
        var bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        var lines = new LineCounter(bytes[bom..]);
        var reader = new Utf8JsonReader(utf8[bom..], new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new HsdsFormatException("line 1, column 1: the file is empty");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    StreamItems(ref reader, lines, "", onRecord);
                    break;
                case JsonTokenType.StartObject:
                    ReadTopObject(ref reader, lines, onRecord);
                    break;
                default:
                    var (line, column) = lines.At(reader.TokenStartIndex);
                    throw new HsdsFormatException(
                        $"line {line}, column {column}: expected a service, an organization, a list of them or a page {{\"contents\": [...]}}");
            }

            if (reader.Read())
            {
                var (line, column) = lines.At(reader.TokenStartIndex);
                throw new HsdsFormatException($"line {line}, column {column}: not valid JSON: more after the end of the data");
            }
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            throw new HsdsFormatException($"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {message}");
        }
    }

    private static void StreamItems(ref Utf8JsonReader reader, LineCounter lines, string prefix, Action<HsdsNode, string> onRecord)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = ReadValue(ref reader, lines);
            onRecord(item, $"{prefix}{Plural(item)}[{index++}]");
        }
    }

    private static void ReadTopObject(ref Utf8JsonReader reader, LineCounter lines, Action<HsdsNode, string> onRecord)
    {
        var (line, column) = lines.At(reader.TokenStartIndex);
        var properties = new List<KeyValuePair<string, HsdsNode>>();
        var envelope = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "contents" && reader.TokenType == JsonTokenType.StartArray)
            {
                envelope = true;
                StreamItems(ref reader, lines, "contents.", onRecord);
            }
            else
            {
                properties.Add(new(name, ReadValue(ref reader, lines)));
            }
        }

        if (!envelope)
        {
            var record = new HsdsNode { Kind = HsdsNodeKind.Object, Properties = properties, Line = line, Column = column };
            onRecord(record, IsOrganization(record) ? "organization" : "service");
        }
    }

    /// <summary>An organisation carries its services; anything else at the top is a service.</summary>
    public static bool IsOrganization(HsdsNode record) => record.Property("services")?.Kind == HsdsNodeKind.Array;

    private static string Plural(HsdsNode item) => IsOrganization(item) ? "organizations" : "services";

    private static HsdsNode ReadValue(ref Utf8JsonReader reader, LineCounter lines)
    {
        var (line, column) = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, HsdsNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = Text(ref reader, line, column);
                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader, lines)));
                }

                return new HsdsNode { Kind = HsdsNodeKind.Object, Properties = properties, Line = line, Column = column };
            case JsonTokenType.StartArray:
                var items = new List<HsdsNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new HsdsNode { Kind = HsdsNodeKind.Array, Items = items, Line = line, Column = column };
            case JsonTokenType.String:
                return new HsdsNode { Kind = HsdsNodeKind.String, Text = Text(ref reader, line, column), Line = line, Column = column };
            case JsonTokenType.Number:
                return new HsdsNode { Kind = HsdsNodeKind.Number, Text = Encoding.UTF8.GetString(reader.ValueSpan), Line = line, Column = column };
            case JsonTokenType.True or JsonTokenType.False:
                return new HsdsNode { Kind = HsdsNodeKind.Boolean, Text = reader.TokenType == JsonTokenType.True ? "true" : "false", Line = line, Column = column };
            default:
                return new HsdsNode { Kind = HsdsNodeKind.Null, Line = line, Column = column };
        }
    }

    private static string Text(ref Utf8JsonReader reader, int line, int column)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new HsdsFormatException($"line {line}, column {column}: not valid text (a broken character escape)");
        }
    }

    /// <summary>Turns byte offsets, met in increasing order, into lines and columns (in bytes) without a second pass.</summary>
    private sealed class LineCounter(ReadOnlyMemory<byte> bytes)
    {
        private long scanned;
        private int line = 1;
        private long lineStart;

        public (int Line, int Column) At(long offset)
        {
            var span = bytes.Span;
            for (var i = scanned; i < offset; i++)
            {
                if (span[(int)i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            scanned = Math.Max(scanned, offset);
            return (line, (int)(offset - lineStart) + 1);
        }
    }
}

/// <summary>RFC 4180 CSV: a header row, fields quoted or not, commas, quotes ("") and newlines inside quotes, CRLF
/// or LF, an optional byte order mark.</summary>
internal static class HsdsCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The rows as objects named by the header, each value with its line and column.</summary>
    public static List<HsdsNode> Read(byte[] bytes, string file)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new HsdsFormatException($"{file}: not UTF-8 text");
        }

        var rows = Parse(text, file);
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        var names = header.Select(f => f.Value.Trim()).ToList();
        var result = new List<HsdsNode>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Count == 1 && row[0].Value.Length == 0)
            {
                continue; // a blank line
            }

            if (row.Count != names.Count)
            {
                throw new HsdsFormatException(
                    $"{file} line {row[0].Line}, column 1: {row.Count} fields where the header has {names.Count}");
            }

            var properties = new List<KeyValuePair<string, HsdsNode>>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                properties.Add(new(names[i], new HsdsNode
                {
                    Kind = HsdsNodeKind.String,
                    Text = row[i].Value,
                    Line = row[i].Line,
                    Column = row[i].Column,
                    File = file,
                }));
            }

            result.Add(new HsdsNode { Kind = HsdsNodeKind.Object, Properties = properties, Line = row[0].Line, Column = 1, File = file });
        }

        return result;
    }

    internal readonly record struct Field(string Value, int Line, int Column);

    internal static List<List<Field>> Parse(string text, string file)
    {
        var rows = new List<List<Field>>();
        var row = new List<Field>();
        var value = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int line = 1, lineStart = i;
        int fieldLine = line, fieldColumn = 1;
        var quoted = false;
        var afterQuote = false;
        var atFieldStart = true;

        void EndField()
        {
            row.Add(new Field(value.ToString(), fieldLine, fieldColumn));
            value.Clear();
            quoted = false;
            afterQuote = false;
            atFieldStart = true;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (atFieldStart)
            {
                fieldLine = line;
                fieldColumn = i - lineStart + 1;
                atFieldStart = false;
                if (c == '"')
                {
                    quoted = true;
                    continue;
                }
            }

            if (quoted && !afterQuote)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i++;
                    }
                    else
                    {
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    value.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndField();
                    rows.Add(row);
                    row = [];
                    line++;
                    lineStart = i + 1;
                    break;
                default:
                    if (afterQuote || c == '"')
                    {
                        throw new HsdsFormatException(
                            $"{file} line {line}, column {i - lineStart + 1}: a quote in the middle of a field (write it \"\" inside a quoted field)");
                    }

                    value.Append(c);
                    break;
            }
        }

        if (quoted && !afterQuote)
        {
            throw new HsdsFormatException($"{file} line {fieldLine}, column {fieldColumn}: a quoted field is never closed");
        }

        if (!atFieldStart || row.Count > 0)
        {
            EndField();
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>The files of an HSDS tabular datapackage, in a folder or a zip, found through datapackage.json's
/// resources (or their usual names when it does not say).</summary>
internal sealed class HsdsDatapackage
{
    /// <summary>Each HSDS table and the file it usually lives in (the "path" of its schema in docs/hsds-3.0).</summary>
    public static readonly IReadOnlyList<(string Table, string File)> Tables =
    [
        ("organizations", "organizations.csv"),
        ("services", "services.csv"),
        ("locations", "locations.csv"),
        ("service_at_locations", "service_at_location.csv"),
        ("addresses", "addresses.csv"),
        ("accessibility", "accessibility.csv"),
        ("phones", "phones.csv"),
        ("schedules", "schedules.csv"),
        ("languages", "languages.csv"),
        ("cost_options", "cost_options.csv"),
        ("service_areas", "service_areas.csv"),
        ("contacts", "contacts.csv"),
        ("taxonomies", "taxonomies.csv"),
        ("taxonomy_terms", "taxonomy_terms.csv"),
        ("attributes", "attributes.csv"),
    ];

    private const long MaxFileBytes = 1L << 30;

    private readonly Dictionary<string, Func<byte[]>> files;

    private HsdsDatapackage(Dictionary<string, Func<byte[]>> files) => this.files = files;

    public static HsdsDatapackage FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => (Func<byte[]>)(() => File.ReadAllBytes(f)),
            StringComparer.Ordinal);
        return new HsdsDatapackage(files);
    }

    public static HsdsDatapackage FromZip(ZipArchive zip)
    {
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        // The package may sit in a folder inside the zip: its root is where datapackage.json (or services.csv) is.
        var marker = entries.Where(e => Path.GetFileName(e.FullName) is "datapackage.json").MinBy(e => e.FullName.Length)
            ?? entries.Where(e => Path.GetFileName(e.FullName) is "services.csv").MinBy(e => e.FullName.Length);
        var prefix = marker is null ? "" : marker.FullName[..^Path.GetFileName(marker.FullName).Length];
        var files = new Dictionary<string, Func<byte[]>>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            files[entry.FullName[prefix.Length..]] = () =>
            {
                if (entry.Length > MaxFileBytes)
                {
                    throw new HsdsFormatException($"{entry.FullName}: larger than 1 GB");
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream((int)entry.Length);
                stream.CopyTo(copy);
                return copy.ToArray();
            };
        }

        return new HsdsDatapackage(files);
    }

    /// <summary>The CSV file of each table present, by table name.</summary>
    public IEnumerable<(string Table, string File, byte[] Bytes)> TableFiles()
    {
        var paths = Tables.ToDictionary(t => t.Table, t => t.File, StringComparer.Ordinal);
        paths["service_at_location"] = "service_at_location.csv";
        if (files.TryGetValue("datapackage.json", out var read))
        {
            foreach (var (table, path) in Resources(read()))
            {
                var name = table == "service_at_location" ? "service_at_locations" : table;
                if (paths.ContainsKey(name))
                {
                    paths[name] = path;
                }
            }
        }

        foreach (var (table, _) in Tables)
        {
            var path = paths[table];
            if (!files.ContainsKey(path) && table == "service_at_locations" && files.ContainsKey("service_at_locations.csv"))
            {
                path = "service_at_locations.csv";
            }

            if (files.TryGetValue(path, out var open))
            {
                yield return (table, path, open());
            }
        }
    }

    private static IEnumerable<(string Name, string Path)> Resources(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new HsdsFormatException(
                $"datapackage.json line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("resources", out var resources)
                || resources.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var result = new List<(string, string)>();
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.ValueKind == JsonValueKind.Object
                    && resource.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    && resource.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
                {
                    var relative = path.GetString()!.Replace('\\', '/');
                    if (relative.StartsWith('/') || relative.Split('/').Contains("..") || relative.Contains(':', StringComparison.Ordinal))
                    {
                        throw new HsdsFormatException($"datapackage.json: the path '{relative}' leaves the package");
                    }

                    result.Add((name.GetString()!, relative));
                }
            }

            return result;
        }
    }
}
