using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Village.Web.Infrastructure.Geo;

/// <summary>
/// A town of the gazetteer. <see cref="Latitude"/> and <see cref="Longitude"/> are rounded to 0.01°.
/// </summary>
/// <param name="Id">Stable id: <c>FR-&lt;INSEE code&gt;</c> for French communes, <c>GN-&lt;geonameid&gt;</c> for GeoNames places.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code: FR, BE, LU or CH.</param>
/// <param name="Name">Display name, with accents.</param>
/// <param name="PostalCode">Main postal code, or empty when unknown.</param>
/// <param name="Admin">Département, province or canton, or empty.</param>
/// <param name="Latitude">Latitude in degrees, 2 decimals.</param>
/// <param name="Longitude">Longitude in degrees, 2 decimals.</param>
/// <param name="Population">Population, 0 when unknown.</param>
public sealed record Town(
    string Id,
    string Country,
    string Name,
    string PostalCode,
    string Admin,
    double Latitude,
    double Longitude,
    int Population)
{
    /// <summary>
    /// What to show in a picker: <c>"Lyon (69001)"</c>, else <c>"Namur (Namur)"</c>-style name + admin
    /// (<c>"Namur (BE)"</c> when the admin repeats the name), else the name alone.
    /// </summary>
    public string Label =>
        PostalCode.Length > 0 ? $"{Name} ({PostalCode})"
        : Admin.Length > 0 && !string.Equals(Admin, Name, StringComparison.Ordinal) ? $"{Name} ({Admin})"
        : Country.Length > 0 ? $"{Name} ({Country})"
        : Name;
}

/// <summary>
/// Read-only town gazetteer for France, Belgium, Luxembourg and Switzerland, loaded once from the
/// embedded <c>towns.tsv.gz</c> (see TOWNS-ATTRIBUTION.md and scripts/gazetteer/). Thread-safe; meant
/// to be registered as a singleton.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Logical name of the embedded data file.</summary>
    public const string ResourceName = "towns.tsv.gz";

    /// <summary>Queries are cut to this many characters before anything else is done with them.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Largest number of results <see cref="Search"/> returns, whatever the limit asked.</summary>
    public const int MaxResults = 50;

    // Worst case growth of one input char in NormalizeInto (a canonical decomposition is at most 4 chars).
    private const int NormalizeExpansion = 4;

    // Words not worth indexing as a word start ("Saint-Rémy-de-Provence" is found by "saint", "remy"
    // and "provence", not by "de").
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "lez", "s", "sous", "sur",
    };

    // Precomputed folding of the first code points: lowercase, without diacritics; "" for combining
    // marks; " " for anything that is neither a letter nor a digit.
    private static readonly string[] FoldTable = BuildFoldTable();

    private readonly Town[] _towns;
    private readonly Dictionary<string, int> _byId;
    private readonly string[][] _otherPostalCodes;
    private readonly string[] _adminKeys;

    // Normalised names (town names, then aliases) and the town each belongs to.
    private readonly string[] _keys;
    private readonly int[] _keyTown;

    // One entry per word start of each key, sorted by the key's text from that word on.
    private readonly NameEntry[] _nameIndex;

    // One entry per (postal code, town), sorted by postal code.
    private readonly PostalEntry[] _postalIndex;

    private readonly double[] _latitudes;
    private readonly double[] _longitudes;

    private Gazetteer(List<Row> rows)
    {
        _towns = new Town[rows.Count];
        _otherPostalCodes = new string[rows.Count][];
        _adminKeys = new string[rows.Count];
        _latitudes = new double[rows.Count];
        _longitudes = new double[rows.Count];
        _byId = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);

        var keys = new List<string>(rows.Count + 256);
        var keyTown = new List<int>(rows.Count + 256);
        var postal = new List<PostalEntry>(rows.Count + 4096);
        var adminKeyCache = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var town = row.Town;
            _towns[i] = town;
            _latitudes[i] = town.Latitude;
            _longitudes[i] = town.Longitude;
            _otherPostalCodes[i] = row.OtherPostalCodes;
            _byId.TryAdd(town.Id, i);

            if (!adminKeyCache.TryGetValue(town.Admin, out var adminKey))
            {
                adminKey = Normalize(town.Admin);
                adminKeyCache.Add(town.Admin, adminKey);
            }

            _adminKeys[i] = adminKey;

            AddKey(Normalize(town.Name), i);
            foreach (var alias in row.Aliases)
            {
                AddKey(Normalize(alias), i);
            }

            if (town.PostalCode.Length > 0)
            {
                postal.Add(new PostalEntry(town.PostalCode, i));
            }

            foreach (var code in row.OtherPostalCodes)
            {
                postal.Add(new PostalEntry(code, i));
            }
        }

        _keys = [.. keys];
        _keyTown = [.. keyTown];

        var entries = new List<NameEntry>(_keys.Length * 2);
        for (var k = 0; k < _keys.Length; k++)
        {
            var key = _keys[k];
            var start = 0;
            while (start < key.Length)
            {
                var end = key.IndexOf(' ', start);
                if (end < 0)
                {
                    end = key.Length;
                }

                if (start == 0 || !Particles.Contains(key[start..end]))
                {
                    entries.Add(new NameEntry(k, start));
                }

                start = end + 1;
            }
        }

        _nameIndex = [.. entries];
        var keyArray = _keys;
        Array.Sort(_nameIndex, (a, b) =>
        {
            var c = keyArray[a.Key].AsSpan(a.Offset).SequenceCompareTo(keyArray[b.Key].AsSpan(b.Offset));
            return c != 0 ? c : a.Key.CompareTo(b.Key);
        });

        _postalIndex = [.. postal];
        Array.Sort(_postalIndex, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : a.Town.CompareTo(b.Town);
        });

        void AddKey(string key, int town)
        {
            if (key.Length > 0)
            {
                keys.Add(key);
                keyTown.Add(town);
            }
        }
    }

    /// <summary>All towns, in file order (by country, then id).</summary>
    public IReadOnlyList<Town> Towns => _towns;

    /// <summary>Loads the gazetteer embedded in this assembly as <see cref="ResourceName"/>: gzip-compressed TSV,
    /// a header line, then <c>id country name postalCode admin latitude longitude population [aliases
    /// [otherPostalCodes]]</c>, the last two being <c>|</c>-separated lists.</summary>
    public static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{ResourceName}' not found: the project needs "
                + $"<EmbeddedResource Include=\"Infrastructure/Geo/{ResourceName}\" LogicalName=\"{ResourceName}\" />.");
        using var text = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return new Gazetteer(ParseRows(reader));
    }

    /// <summary>The town a person means by what they typed in a town field: the one picked among same-named
    /// choices, the one picked in the autocomplete while its name is still what the field shows (they may have
    /// typed another town since), or the only town of that name. Otherwise no town, and the towns to choose from
    /// (none when nothing matches).</summary>
    public (Town? Town, IReadOnlyList<Town> Choices) Resolve(string typed, string? autocompleteId, string? choiceId)
    {
        var key = Normalize(typed);
        if (choiceId is not null)
        {
            return (Find(choiceId), []);
        }

        if (autocompleteId is not null && Find(autocompleteId) is { } picked && (Normalize(picked.Label) == key || Normalize(picked.Name) == key))
        {
            return (picked, []);
        }

        var matches = Search(typed, 6);
        var exact = matches.Where(m => Normalize(m.Name) == key || Normalize(m.Label) == key).ToList();
        return exact.Count switch
        {
            1 => (exact[0], []),
            // "Lille" is the city of Lille, not the Belgian village of the same name; two villages called
            // Saint-Martin need the person to choose.
            > 1 when exact[0].Population >= 10 * Math.Max(1, exact[1].Population) => (exact[0], []),
            _ => (null, matches),
        };
    }

    /// <summary>
    /// Lowercase, diacritics removed (canonical decomposition, marks dropped; œ → oe, æ → ae, ß → ss),
    /// every run of characters that are neither letters nor digits turned into one space, trimmed.
    /// <c>"St-Étienne"</c> → <c>"st etienne"</c>.
    /// </summary>
    public static string Normalize(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length == 0)
        {
            return string.Empty;
        }

        var size = (s.Length * NormalizeExpansion) + NormalizeExpansion;
        char[]? rented = null;
        Span<char> buffer = size <= 512 ? stackalloc char[size] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            var length = NormalizeInto(s, buffer);
            return length == 0 ? string.Empty : new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Finds a town by its id (<c>FR-75056</c>, <c>GN-2790471</c>…).</summary>
    public Town? Find(string id) =>
        !string.IsNullOrEmpty(id) && _byId.TryGetValue(id, out var index) ? _towns[index] : null;

    /// <summary>
    /// Towns whose name (or one of its words, or a known alias) starts with the query, ignoring case,
    /// accents and punctuation; or, when the query starts with a digit, whose postal code starts with it.
    /// A trailing qualifier as in <see cref="Town.Label"/> — <c>"Lyon (69003)"</c>, <c>"Namur (BE)"</c>,
    /// <c>"Lyon 69003"</c> — narrows the results. Ranked: exact name, then names starting with the query,
    /// then names with a later word starting with it; population descending within each group.
    /// </summary>
    public IReadOnlyList<Town> Search(string query, int limit = 10)
    {
        if (string.IsNullOrWhiteSpace(query) || limit <= 0 || _towns.Length == 0)
        {
            return [];
        }

        limit = Math.Min(limit, MaxResults);
        var raw = query.AsSpan(0, Math.Min(query.Length, MaxQueryLength));

        ReadOnlySpan<char> rawQualifier = default;
        var open = raw.IndexOf('(');
        if (open >= 0)
        {
            rawQualifier = raw[(open + 1)..];
            var close = rawQualifier.IndexOf(')');
            if (close >= 0)
            {
                rawQualifier = rawQualifier[..close];
            }

            raw = raw[..open];
        }

        Span<char> normalized = stackalloc char[(MaxQueryLength * NormalizeExpansion) + NormalizeExpansion];
        var length = NormalizeInto(raw, normalized);
        Span<char> qualifierBuffer = stackalloc char[(MaxQueryLength * NormalizeExpansion) + NormalizeExpansion];
        var qualifierLength = NormalizeInto(rawQualifier, qualifierBuffer);
        ReadOnlySpan<char> q = normalized[..length];
        ReadOnlySpan<char> qualifier = qualifierBuffer[..qualifierLength];

        if (q.IsEmpty)
        {
            return [];
        }

        Span<int> topTowns = stackalloc int[limit];
        Span<long> topScores = stackalloc long[limit];
        var top = new TopResults(topTowns, topScores);

        if (char.IsAsciiDigit(q[0]))
        {
            // "75 001" → "75001"; letters after the code are ignored.
            Span<char> digits = stackalloc char[q.Length];
            var count = 0;
            foreach (var c in q)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[count++] = c;
                }
                else if (c != ' ')
                {
                    break;
                }
            }

            SearchPostal(digits[..count], ref top);
        }
        else
        {
            // "Lyon 69003": a trailing number is a postal-code qualifier.
            if (qualifier.IsEmpty)
            {
                var lastSpace = q.LastIndexOf(' ');
                if (lastSpace > 0 && IsAllAsciiDigits(q[(lastSpace + 1)..]))
                {
                    qualifier = q[(lastSpace + 1)..];
                    q = q[..lastSpace];
                }
            }

            Span<char> expanded = stackalloc char[(q.Length * 2) + 8];
            SearchNames(ExpandAbbreviations(q, expanded), qualifier, ref top);
        }

        if (top.Count == 0)
        {
            return [];
        }

        var result = new Town[top.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _towns[topTowns[i]];
        }

        return result;
    }

    /// <summary>The town closest to a point (equirectangular approximation).</summary>
    public Town Nearest(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "Coordinates must be finite numbers.");
        }

        if (_towns.Length == 0)
        {
            throw new InvalidOperationException("The gazetteer is empty.");
        }

        var cosLat = Math.Cos(latitude * Math.PI / 180.0);
        var best = 0;
        var bestDistance = double.MaxValue;
        var lats = _latitudes;
        var lons = _longitudes;
        for (var i = 0; i < lats.Length; i++)
        {
            var dLat = lats[i] - latitude;
            var dLon = lons[i] - longitude;
            if (dLon > 180)
            {
                dLon -= 360;
            }
            else if (dLon < -180)
            {
                dLon += 360;
            }

            dLon *= cosLat;
            var d = (dLat * dLat) + (dLon * dLon);
            if (d < bestDistance || (d == bestDistance && _towns[i].Population > _towns[best].Population))
            {
                bestDistance = d;
                best = i;
            }
        }

        return _towns[best];
    }

    private void SearchNames(ReadOnlySpan<char> q, ReadOnlySpan<char> qualifier, ref TopResults top)
    {
        var index = _nameIndex;
        var keys = _keys;

        // Lower bound: first entry whose text is >= q.
        int lo = 0, hi = index.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var e = index[mid];
            if (keys[e.Key].AsSpan(e.Offset).SequenceCompareTo(q) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < index.Length; i++)
        {
            var e = index[i];
            var key = keys[e.Key];
            var text = key.AsSpan(e.Offset);
            if (!text.StartsWith(q))
            {
                break;
            }

            var town = _keyTown[e.Key];
            if (!qualifier.IsEmpty && !MatchesQualifier(town, qualifier))
            {
                continue;
            }

            // Tier 2: exact name; 1: name starts with the query; 0: a later word does.
            long tier = e.Offset > 0 ? 0 : text.Length == q.Length ? 2 : 1;
            top.Add(town, (tier << 32) | (uint)_towns[town].Population);
        }
    }

    private void SearchPostal(ReadOnlySpan<char> prefix, ref TopResults top)
    {
        if (prefix.IsEmpty)
        {
            return;
        }

        var index = _postalIndex;
        int lo = 0, hi = index.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (index[mid].Code.AsSpan().SequenceCompareTo(prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < index.Length; i++)
        {
            var e = index[i];
            if (!e.Code.AsSpan().StartsWith(prefix))
            {
                break;
            }

            long tier = e.Code.Length == prefix.Length ? 1 : 0;
            top.Add(e.Town, (tier << 32) | (uint)_towns[e.Town].Population);
        }
    }

    private bool MatchesQualifier(int town, ReadOnlySpan<char> qualifier)
    {
        var t = _towns[town];
        if (char.IsAsciiDigit(qualifier[0]))
        {
            if (t.PostalCode.AsSpan().StartsWith(qualifier))
            {
                return true;
            }

            foreach (var code in _otherPostalCodes[town])
            {
                if (code.AsSpan().StartsWith(qualifier))
                {
                    return true;
                }
            }

            return false;
        }

        return _adminKeys[town].AsSpan().StartsWith(qualifier)
            || t.Country.AsSpan().Equals(qualifier, StringComparison.OrdinalIgnoreCase);
    }

    // "st etienne" → "saint etienne", "ste foy" → "sainte foy" (only for a complete word, so that
    // "st" alone still finds Strasbourg).
    private static ReadOnlySpan<char> ExpandAbbreviations(ReadOnlySpan<char> q, Span<char> buffer)
    {
        if (!q.StartsWith("st") && !q.Contains(" st", StringComparison.Ordinal))
        {
            return q;
        }

        var length = 0;
        var start = 0;
        while (start < q.Length)
        {
            var rest = q[start..];
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            var isLast = space < 0;
            ReadOnlySpan<char> replacement = !isLast && word.SequenceEqual("st") ? "saint"
                : !isLast && word.SequenceEqual("ste") ? "sainte"
                : word;
            if (length + replacement.Length + 1 > buffer.Length)
            {
                return q;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            replacement.CopyTo(buffer[length..]);
            length += replacement.Length;
            start += word.Length + 1;
        }

        return buffer[..length];
    }

    private static bool IsAllAsciiDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // Writes the normalised form of source into destination and returns its length. Stops (without
    // overflowing) if destination is too small; size it source.Length * NormalizeExpansion + NormalizeExpansion.
    private static int NormalizeInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            string? folded = null;
            if (c < FoldTable.Length)
            {
                folded = FoldTable[c];
            }
            else if (char.IsLetterOrDigit(c))
            {
                folded = FoldRare(c);
            }
            else if (IsMark(c))
            {
                folded = string.Empty;
            }
            else if (char.IsSurrogate(c))
            {
                // Letters outside the BMP are rare in town names: keep the code units as they are.
                if (length + 2 > destination.Length)
                {
                    break;
                }

                if (pendingSpace && length > 0)
                {
                    destination[length++] = ' ';
                }

                pendingSpace = false;
                destination[length++] = c;
                continue;
            }

            if (folded is null || folded == " ")
            {
                pendingSpace = true;
                continue;
            }

            if (folded.Length == 0)
            {
                continue;
            }

            if (length + folded.Length + 1 > destination.Length)
            {
                break;
            }

            if (pendingSpace && length > 0)
            {
                destination[length++] = ' ';
            }

            pendingSpace = false;
            folded.CopyTo(destination[length..]);
            length += folded.Length;
        }

        return length;
    }

    private static bool IsMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static string FoldRare(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (!IsMark(d))
            {
                sb.Append(char.ToLowerInvariant(d));
            }
        }

        return sb.ToString();
    }

    private static string[] BuildFoldTable()
    {
        var table = new string[0x0530]; // Latin, Greek and Cyrillic blocks
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'ı' => "i",
                _ when char.IsLetterOrDigit(c) => FoldRare(c),
                _ when IsMark(c) => string.Empty,
                _ => " ",
            };
        }

        return table;
    }

    private static List<Row> ParseRows(TextReader reader)
    {
        var rows = new List<Row>(40_000);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new string[10];
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue; // header
            }

            var count = 0;
            var start = 0;
            while (count < fields.Length)
            {
                var tab = line.IndexOf('\t', start);
                fields[count++] = tab < 0 ? line[start..] : line[start..tab];
                if (tab < 0)
                {
                    break;
                }

                start = tab + 1;
            }

            if (count < 8)
            {
                throw new InvalidDataException($"Gazetteer line {lineNumber}: expected at least 8 tab-separated fields, got {count}.");
            }

            if (!double.TryParse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(fields[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                throw new InvalidDataException($"Gazetteer line {lineNumber}: bad coordinates.");
            }

            _ = int.TryParse(fields[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population);

            var town = new Town(
                fields[0],
                Shared(strings, fields[1]),
                fields[2],
                fields[3],
                Shared(strings, fields[4]),
                latitude,
                longitude,
                Math.Max(0, population));
            var aliases = count > 8 ? SplitList(fields[8]) : [];
            var otherCodes = count > 9 ? SplitList(fields[9]) : [];
            rows.Add(new Row(town, aliases, otherCodes));
        }

        return rows;
    }

    private static string Shared(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        pool.Add(value, value);
        return value;
    }

    private static string[] SplitList(string value) =>
        value.Length == 0 ? [] : value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private readonly record struct Row(Town Town, string[] Aliases, string[] OtherPostalCodes);

    private readonly record struct NameEntry(int Key, int Offset);

    private readonly record struct PostalEntry(string Code, int Town);

    // The best results so far, kept sorted by score descending, one entry per town.
    private ref struct TopResults
    {
        private readonly Span<int> _towns;
        private readonly Span<long> _scores;

        public TopResults(Span<int> towns, Span<long> scores)
        {
            _towns = towns;
            _scores = scores;
            Count = 0;
        }

        public int Count { get; private set; }

        public void Add(int town, long score)
        {
            var capacity = _towns.Length;
            if (Count == capacity && score <= _scores[Count - 1])
            {
                return;
            }

            var existing = _towns[..Count].IndexOf(town);
            if (existing >= 0)
            {
                if (score <= _scores[existing])
                {
                    return;
                }

                // Remove it, then insert again at its new rank.
                _towns[(existing + 1)..Count].CopyTo(_towns[existing..]);
                _scores[(existing + 1)..Count].CopyTo(_scores[existing..]);
                Count--;
            }

            var position = Count;
            while (position > 0 && _scores[position - 1] < score)
            {
                position--;
            }

            var end = Math.Min(Count, capacity - 1);
            if (position > end)
            {
                return;
            }

            _towns[position..end].CopyTo(_towns[(position + 1)..]);
            _scores[position..end].CopyTo(_scores[(position + 1)..]);
            _towns[position] = town;
            _scores[position] = score;
            if (Count < capacity)
            {
                Count++;
            }
        }
    }
}
