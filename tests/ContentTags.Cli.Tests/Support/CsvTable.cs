using CsvHelper;

namespace ContentTags.Cli.Tests.Support;

/// <summary>A CSV table: a header and rows of cells.</summary>
internal sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    /// <summary>Parses CSV (the tool's output) with CsvHelper, strictly: malformed quoting throws, empty lines are records.</summary>
    public static CsvTable Parse(byte[] csv, char separator = ',')
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), Options(separator));
        return ReadAll(reader);
    }

    public static CsvTable ParseFile(string path, char separator = ',') => Parse(File.ReadAllBytes(path), separator);

    public static CsvReaderOptions Options(char separator) => new()
    {
        Separator = separator,
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = false,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    private static CsvTable ReadAll(CsvReader reader)
    {
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.GetString(i) ?? string.Empty;
            rows.Add(row);
        }
        return new CsvTable(header, rows);
    }

    public int Column(string name)
    {
        int i = Array.IndexOf(Header, name);
        Assert.True(i >= 0, $"no column '{name}' in [{string.Join(", ", Header)}]");
        return i;
    }

    public IEnumerable<string> Values(string column)
    {
        int i = Column(column);
        return Rows.Select(r => r[i]);
    }
}

/// <summary>Checks that the tool's output keeps the input table unchanged and adds the right columns.</summary>
internal static class OutputCheck
{
    /// <summary>
    /// The output must be the input (same header, same cells, same row order) followed by content_warnings and the
    /// optional columns, and content_warnings must be what the same model gives in-process.
    /// </summary>
    public static void KeepsInput(string[] inputHeader, IReadOnlyList<string[]> inputRows, CsvTable output, ContentTagger? tagger = null,
        string[]? textColumns = null, bool scores = false, bool evidence = false)
    {
        var expectedHeader = new List<string>(inputHeader) { "content_warnings" };
        if (scores) expectedHeader.AddRange(SmallModel.Taxonomy.Ids.Select(id => "cw_" + id));
        if (evidence) expectedHeader.Add("cw_evidence");
        Assert.Equal(expectedHeader, output.Header);
        Assert.Equal(inputRows.Count, output.Rows.Count);
        for (int r = 0; r < inputRows.Count; r++)
        {
            var inRow = inputRows[r];
            var outRow = output.Rows[r];
            Assert.Equal(expectedHeader.Count, outRow.Length);
            for (int c = 0; c < inRow.Length; c++)
                if (!string.Equals(inRow[c], outRow[c], StringComparison.Ordinal))
                    Assert.Fail($"row {r + 1}, column '{inputHeader[c]}': expected {Show(inRow[c])}, got {Show(outRow[c])}");
            if (tagger is null) continue;

            var columns = (textColumns ?? ["text"]).Select(n => Array.IndexOf(inputHeader, n)).ToArray();
            string text = columns.Length == 1 ? inRow[columns[0]] : string.Join('\n', columns.Select(i => inRow[i]).Where(s => s.Length > 0));
            var result = tagger.Tag(text);
            int at = inRow.Length;
            Assert.Equal(string.Join(';', result.Tags), outRow[at++]);
            if (scores)
                foreach (var s in result.Scores)
                    Assert.Equal(s.Probability.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), outRow[at++]);
            if (evidence)
            {
                string cell = outRow[at];
                if (result.Tags.Count == 0) Assert.Equal("", cell);
                else foreach (var tag in result.Tags) Assert.Contains(tag + ": ", cell);
            }
        }
    }

    public static string Show(string s) =>
        s.Length > 80 ? $"\"{Escape(s[..80])}...\" ({s.Length} chars)" : $"\"{Escape(s)}\"";

    private static string Escape(string s) => string.Concat(s.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()));
}
