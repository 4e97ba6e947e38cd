using System.Text;
using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>
/// Issue 4.6: the tool keeps every input cell unchanged through the CSV hazards real files have. Each input is written
/// byte by byte by hand, the tool runs as a real process, and its output is parsed with CsvHelper and compared cell by
/// cell with the cells the test wrote, and content_warnings with what the same model gives in-process.
/// </summary>
public sealed class CsvHazardTests
{
    private static readonly string[] Header = ["id", "title", "text", "notes"];

    /// <summary>Rows with every hazard at once: each row's cells are the exact values the tool must give back.</summary>
    internal static List<string[]> HazardRows()
    {
        string longText = string.Concat(Enumerable.Range(0, 4000).Select(i =>
            i % 7 == 0 ? "He stabs the guard, \"twice\",\nand runs. " : "A quiet film about gardens and bread; "));
        return
        [
            ["1", "Commas", "The gang beats the shopkeeper, then shoots his brother, in the street.", "a,b,c"],
            ["2", "Doubled \"quotes\"", "She said \"he killed himself\" and \"\" nothing more.", "\"\""],
            ["3", "LF inside", "Line one.\nHunters shoot the mother deer.\nLine three.", "x\ny"],
            ["4", "CRLF inside", "Line one.\r\nThe villain drowns a sack of puppies.\r\n", "\r\n"],
            ["5", "", "", ""],
            ["6", "Empty text", "", "notes but no text"],
            ["7", "Spaces kept", "   leading and trailing spaces   ", " "],
            ["8", "Long", longText, "long field of " + longText.Length + " chars"],
            ["9", "Emoji 🎬🔪", "A horror film 😱🩸 where the killer 🔪 stabs campers. 👨‍👩‍👧", "🏳️‍🌈"],
            ["10", "Arabic RTL", "فيلم عن حديقة هادئة \u200F and a bakery", "עברית ‏RTL"],
            ["11", "Combining", "Cafe\u0301 na\u0131\u0308ve Zalgo t\u0336\u0334e\u0335x\u0337t", "e\u0301"],
            ["12", "Formula-like", "=HYPERLINK(\"x\")", "+1-2@"],
            ["13", "Tab\tinside", "text\twith\ttabs; and semicolons", "|pipes|"],
            ["14", "Only quotes", "\"", "\"\"\""],
            ["15", "Comment-like", "# not a comment", "#"],
        ];
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public Task Hazards_survive_cell_by_cell(string newLine, bool byteOrderMark) => Hazard(async () =>
    {
        using var dir = new TempDir();
        var rows = HazardRows();
        // Some fields are quoted although they need not be; the values must come back the same either way.
        var sb = new StringBuilder();
        CsvText.Append(sb, Header, ',', newLine);
        for (int i = 0; i < rows.Count; i++) CsvText.Append(sb, rows[i], ',', newLine, quoteAll: i % 3 == 0);
        string input = dir.Write("in.csv", CsvText.Bytes(sb.ToString(), byteOrderMark));
        string output = dir.File("out.csv");

        var run = await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = CsvTable.ParseFile(output);
        OutputCheck.KeepsInput(Header, rows, table, SmallModel.Tagger);
        Assert.Contains("violence", table.Values("content_warnings"));
        return rows.Count * Header.Length;
    });

    [Theory]
    [InlineData("tab", '\t')]
    [InlineData(";", ';')]
    [InlineData("|", '|')]
    public Task Other_delimiters_are_read_and_written(string option, char separator) => Hazard(async () =>
    {
        using var dir = new TempDir();
        var rows = HazardRows();
        string input = dir.Write("in.csv", CsvText.Write(Header, rows, separator));
        string output = dir.File("out.csv");

        var run = await Tool.RunAsync("tag", input, "-o", output, "--delimiter", option, "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = CsvTable.ParseFile(output, separator);
        OutputCheck.KeepsInput(Header, rows, table, SmallModel.Tagger);
        // The output uses the same delimiter: its header line is the columns joined by it.
        string firstLine = File.ReadLines(output).First();
        Assert.Equal(string.Join(separator, Header) + separator + "content_warnings", firstLine);
        return rows.Count * Header.Length;
    });

    [Fact]
    public Task Several_text_columns_are_joined() => Hazard(async () =>
    {
        using var dir = new TempDir();
        string[] header = ["id", "title", "synopsis", "review"];
        List<string[]> rows =
        [
            ["1", "Night Train", "A sniper opens fire on the crowd.", "Gripping."],
            ["2", "Farm Days", "", "The old dog is shot behind the barn."],
            ["3", "Bakery", "A warm comedy about two sisters.", ""],
            ["4", "", "", ""],
            ["5", "Goodbye", "She writes goodbye letters and tries to hang herself.", "Hard to watch, but honest."],
        ];
        string input = dir.Write("in.csv", CsvText.Write(header, rows));

        var run = await Tool.RunAsync("tag", input, "--text-column", "title", "--text-column", "synopsis", "--text-column", "review", "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = CsvTable.Parse(run.StdOutBytes);
        OutputCheck.KeepsInput(header, rows, table, SmallModel.Tagger, textColumns: ["title", "synopsis", "review"]);
        var tags = table.Values("content_warnings").ToArray();
        Assert.Contains("animal-harm", tags[1]);
        Assert.Equal("", tags[3]);
        return rows.Count * header.Length;
    });

    [Fact]
    public Task Stdin_to_stdout_with_dashes() => Hazard(async () =>
    {
        var rows = HazardRows();
        byte[] input = CsvText.Bytes(CsvText.Write(Header, rows, ',', "\r\n"));

        var run = await Tool.RunAsync(["tag", "-", "-o", "-", "--model", SmallModel.Path], stdin: input);

        Assert.True(run.ExitCode == 0, run.ToString());
        OutputCheck.KeepsInput(Header, rows, CsvTable.Parse(run.StdOutBytes), SmallModel.Tagger);
        // Results go to stdout; the summary goes to stderr, never into the CSV.
        Assert.Contains("rows tagged", run.StdErr);
        Assert.DoesNotContain("rows tagged", run.StdOut);
        return rows.Count * Header.Length;
    });

    [Fact]
    public Task Stdin_to_a_file() => Hazard(async () =>
    {
        using var dir = new TempDir();
        var rows = HazardRows();
        string output = dir.File("out.csv");

        var run = await Tool.RunAsync(["tag", "-", "-o", output, "--quiet", "--model", SmallModel.Path], stdin: CsvText.Bytes(CsvText.Write(Header, rows)));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StdErr); // --quiet
        OutputCheck.KeepsInput(Header, rows, CsvTable.ParseFile(output), SmallModel.Tagger);
        Assert.Equal(["out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName)); // no temporary file left
        return rows.Count * Header.Length;
    });

    [Fact]
    public Task Scores_and_evidence_columns() => Hazard(async () =>
    {
        using var dir = new TempDir();
        var rows = HazardRows();
        string input = dir.Write("in.csv", CsvText.Write(Header, rows));

        var run = await Tool.RunAsync("tag", input, "--scores", "--evidence", "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = CsvTable.Parse(run.StdOutBytes);
        OutputCheck.KeepsInput(Header, rows, table, SmallModel.Tagger, scores: true, evidence: true);
        foreach (var id in SmallModel.Taxonomy.Ids)
            Assert.All(table.Values("cw_" + id), v => Assert.Matches(@"^[01]\.\d{4}$", v));
        // The evidence is one line per row: line breaks in the evidence sentence are flattened.
        Assert.All(table.Values("cw_evidence"), v => Assert.DoesNotContain('\n', v));
        return rows.Count * Header.Length;
    });

    [Fact]
    public async Task Threshold_option_sets_one_threshold_for_every_tag()
    {
        using var dir = new TempDir();
        var rows = HazardRows().Where(r => r[2].Trim().Length > 0).ToList();
        string input = dir.Write("in.csv", CsvText.Write(Header, rows));

        var all = await Tool.RunAsync("tag", input, "--threshold", "0", "--model", SmallModel.Path);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.All(CsvTable.Parse(all.StdOutBytes).Values("content_warnings"), v => Assert.Equal(string.Join(';', SmallModel.Taxonomy.Ids), v));

        var half = await Tool.RunAsync("tag", input, "--threshold", "0.5", "--scores", "--model", SmallModel.Path);
        Assert.True(half.ExitCode == 0, half.ToString());
        var table = CsvTable.Parse(half.StdOutBytes);
        int tags = table.Column("content_warnings");
        foreach (var row in table.Rows)
        {
            if (row.Skip(tags + 1).Contains("0.5000")) continue; // rounded: cannot tell which side of 0.5 it is
            var expected = SmallModel.Taxonomy.Ids.Where((id, t) => double.Parse(row[tags + 1 + t], System.Globalization.CultureInfo.InvariantCulture) >= 0.5);
            Assert.Equal(string.Join(';', expected), row[tags]);
        }
    }

    /// <summary>Runs a hazard check and records the cells it compared, for docs/reliability.md.</summary>
    private static Task Hazard(Func<Task<long>> check) =>
        Reliability.CheckAsync("CSV hazards (tool process)",
            "input cells compared one by one with the tool's output: quoted commas, doubled quotes, LF/CRLF in fields, BOM, LF/CRLF files, empty fields, a 150k-char field, emoji, RTL, combining marks, tab ; | delimiters, joined text columns, stdin/stdout, --scores, --evidence",
            check);
}
