using System.Text;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;

namespace ContentTags.Cli.Tests.Support;

/// <summary>A generated CSV table and how it is written.</summary>
public sealed record GeneratedTable(char Separator, string NewLine, string[] Header, string[][] Rows, int TextColumn, int BatchSize, int BatchesInFlight)
{
    /// <summary>Rows (by index) written with the wrong number of fields; empty for a regular table.</summary>
    public int[] Ragged { get; init; } = [];

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"separator {Show(Separator.ToString())}, newline {Show(NewLine)}, text column {TextColumn}, batch {BatchSize} x {BatchesInFlight}, ragged rows [{string.Join(", ", Ragged)}]\n");
        sb.Append(string.Join(" | ", Header.Select(Show))).Append('\n');
        foreach (var row in Rows) sb.Append(string.Join(" | ", row.Select(Show))).Append('\n');
        return sb.ToString();
    }

    private static string Show(string s) => OutputCheck.Show(s);
}

/// <summary>A table written to CSV bytes, with where each record starts and ends.</summary>
internal sealed record WrittenTable(byte[] Bytes, long[] Start, long[] End)
{
    /// <summary>The 1-based line on which data row <paramref name="row"/> starts (every line break counts: CRLF, LF, CR).</summary>
    public long LineOf(int row)
    {
        string before = Encoding.UTF8.GetString(Bytes, 0, (int)Start[row + 1]);
        long lines = 1;
        for (int i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n') lines++;
            else if (before[i] == '\r')
            {
                lines++;
                if (i + 1 < before.Length && before[i + 1] == '\n') i++;
            }
        }
        return lines;
    }

    /// <summary>The bytes of data row <paramref name="row"/> as written, without its line break.</summary>
    public string Raw(int row, string newLine) =>
        Encoding.UTF8.GetString(Bytes, (int)Start[row + 1], (int)(End[row + 1] - Start[row + 1]) - newLine.Length);
}

/// <summary>FsCheck generators of CSV tables full of hazards: random Unicode, emoji, combining marks, RTL, NUL and control characters, quotes, delimiters, line breaks in fields, empty and long fields.</summary>
public static class TableGen
{
    private static readonly char[] Separators = [',', ';', '\t', '|'];
    private static readonly string[] NewLines = ["\n", "\r\n"];

    private static Gen<string> Piece() => Gen.Frequency(
        (30, Gen.Elements("a", "b", "Z", "0", "9", " ", "  ", "x y", "The", "dog", "shot", "killed himself", "bread", "-", "=1+2", "#", "'")),
        (12, Gen.Elements(",", ";", "\t", "|", "\"", "\"\"", "\r", "\n", "\r\n", "\n\n", ",\"", "\"\n")),
        (6, Gen.Elements("😀", "🔪", "🩸", "👨‍👩‍👧", "🏳️‍🌈", "🇯🇵", "👍🏽")),
        (5, Gen.Elements("\u0301", "\u0308", "e\u0301", "t\u0336\u0334", "\u200D", "\u034F")),
        (5, Gen.Elements("مرحبا بالعالم", "שלום", "\u200F", "\u200E", "\u202E", "\u2067", "فيلم")),
        (6, Gen.Elements("\0", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u00A0", "\v", "\f")),
        (6, Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString())),
        (3, Gen.Choose(0xE000, 0xFFFD).Select(c => ((char)c).ToString())),
        (3, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
        (3, Gen.Elements(SampleTexts.Corpus.ToArray())));

    private static Gen<string> Pieces(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Piece().ArrayOf(n)).Select(string.Concat);

    /// <summary>A cell: mostly short text, sometimes empty, sometimes white space only, sometimes thousands of characters.</summary>
    public static Gen<string> Cell() => Gen.Frequency(
        (20, Pieces(1, 8)),
        (4, Gen.Constant(string.Empty)),
        (1, Gen.Elements(" ", "\t", "  ", "\r\n")),
        (1, Pieces(1, 4).SelectMany(p => Gen.Choose(500, 6000).Select(n => string.Concat(Enumerable.Repeat(p, n / Math.Max(1, p.Length) + 1))))));

    private static Gen<string> HeaderName(int i) => Gen.Frequency(
        (3, Gen.Constant($"c{i}")),
        (2, Pieces(1, 3).Select(p => $"c{i}{p}").Where(h => !h.Contains('\uFEFF'))));

    public static Gen<GeneratedTable> Table() =>
        from columns in Gen.Choose(1, 6)
        from textColumn in Gen.Choose(0, columns - 1)
        from names in Gen.CollectToArray(Enumerable.Range(0, columns).Select(HeaderName))
        from rowCount in Gen.Frequency((8, Gen.Choose(0, 12)), (1, Gen.Choose(13, 80)))
        from rows in Cell().ArrayOf(columns).ArrayOf(rowCount)
        from separator in Gen.Elements(Separators)
        from newLine in Gen.Elements(NewLines)
        from batch in Gen.Elements(1, 2, 3, 5, 512)
        from inFlight in Gen.Elements(1, 2, 8)
        select new GeneratedTable(separator, newLine, names.Select((n, i) => i == textColumn ? "text" : n).ToArray(), rows, textColumn, batch, inFlight);

    /// <summary>Tables with one or more rows written with the wrong number of fields.</summary>
    public static Gen<GeneratedTable> RaggedTable() =>
        from table in Table().Where(t => t.Rows.Length > 0)
        from picks in Gen.Choose(0, table.Rows.Length - 1).ArrayOf(Math.Min(3, table.Rows.Length)).Select(p => p.Distinct().Order().ToArray())
        from changes in Gen.Choose(-5, 2).Where(d => d != 0).ArrayOf(picks.Length)
        select MakeRagged(table, picks, changes);

    private static GeneratedTable MakeRagged(GeneratedTable table, int[] picks, int[] changes)
    {
        var rows = table.Rows.Select(r => r.ToArray()).ToArray();
        int width = table.Header.Length;
        for (int k = 0; k < picks.Length; k++)
        {
            var row = rows[picks[k]];
            // Fewer fields (at least one is left), or one or two more.
            int count = changes[k] < 0 ? Math.Max(1, width + changes[k]) : width + changes[k];
            if (count == width) count = width + 1;
            rows[picks[k]] = count < width ? row[..count] : [.. row, .. Enumerable.Repeat("extra" + table.Separator + "\"", count - width)];
        }
        return table with { Rows = rows, Ragged = picks };
    }

    /// <summary>Writes the table with CsvHelper's writer (RFC 4180 quoting), noting where each record starts and ends.</summary>
    internal static WrittenTable Write(GeneratedTable table)
    {
        var stream = new MemoryStream();
        var start = new List<long>();
        var end = new List<long>();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { Separator = table.Separator, NewLine = table.NewLine, ValidateFieldCount = false }, leaveOpen: true))
        {
            foreach (var record in table.Rows.Prepend(table.Header))
            {
                writer.Flush();
                start.Add(stream.Position);
                foreach (var cell in record) writer.WriteField(cell);
                writer.EndRecord();
                writer.Flush();
                end.Add(stream.Position);
            }
        }
        return new WrittenTable(stream.ToArray(), start.ToArray(), end.ToArray());
    }
}
