using System.Text;
using ContentTags.Cli.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ContentTags.Cli.Tests;

/// <summary>
/// Issue 7: property-based checks of the CSV tagger in-process (a process per table would be far slower). Thousands of
/// generated tables full of hazards are written with CsvHelper's writer and tagged with
/// <see cref="CsvContentTagger.TagAsync"/>; the output minus the added columns must equal the input cell by cell.
/// </summary>
public sealed class CsvPropertyTests
{
    private const int Tables = 1000;

    private static readonly ContentTagger Tagger = new(SmallModel.Model, new ContentTaggerOptions { IncludeEvidence = false });

    [Fact]
    public void Generated_tables_come_back_unchanged() => Reliability.Check("Generated tables (in-process)",
        $"{Tables} FsCheck tables (1-6 columns, 0-80 rows; random Unicode, emoji, combining, RTL, NUL and control chars, quotes, delimiters , ; tab |, LF/CRLF records, line breaks in fields, empty and 6k-char fields; batch sizes 1-512) tagged and compared cell by cell", () =>
    {
        long tables = 0, rows = 0, cells = 0;
        Prop.ForAll(TableGen.Table().ToArbitrary(), table =>
        {
            var written = TableGen.Write(table);
            var (summary, output) = Tag(table, written.Bytes, badRows: null);

            var parsed = CsvTable.Parse(output, table.Separator);
            Assert.Equal([.. table.Header, "content_warnings"], parsed.Header);
            Assert.Equal(table.Rows.Length, parsed.Rows.Count);
            Assert.Equal(table.Rows.Length, summary.TaggedRows);
            Assert.Equal(0, summary.BadRows);
            for (int r = 0; r < table.Rows.Length; r++)
            {
                for (int c = 0; c < table.Header.Length; c++)
                    if (!string.Equals(table.Rows[r][c], parsed.Rows[r][c], StringComparison.Ordinal))
                        Assert.Fail($"row {r + 1}, column {c}: expected {OutputCheck.Show(table.Rows[r][c])}, got {OutputCheck.Show(parsed.Rows[r][c])}");
                Assert.Equal(string.Join(';', Tagger.Tag(table.Rows[r][table.TextColumn]).Tags), parsed.Rows[r][^1]);
            }
            Interlocked.Increment(ref tables);
            Interlocked.Add(ref rows, table.Rows.Length);
            Interlocked.Add(ref cells, (long)table.Rows.Length * table.Header.Length);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Tables));
        Assert.Equal(Tables, tables);
        Reliability.Check("Generated tables (in-process)", "rows in those tables", () => rows);
        Reliability.Check("Generated tables (in-process)", "cells in those tables, each compared", () => cells);
        return tables;
    });

    [Fact]
    public void Ragged_rows_are_reported_at_their_line() => Reliability.Check("Generated ragged tables (in-process)",
        $"{Tables} FsCheck tables with 1-3 rows written with too few or too many fields: the error names the first one's line", () =>
    {
        long tables = 0;
        Prop.ForAll(TableGen.RaggedTable().ToArbitrary(), table =>
        {
            var written = TableGen.Write(table);
            var e = Assert.Throws<ContentTagsDataException>(() => Tag(table, written.Bytes, badRows: null));
            long line = written.LineOf(table.Ragged[0]);
            Assert.True(e.Line == line, $"expected line {line}, got {e.Line}: {e.Message}");
            Assert.Contains($"line {line}:", e.Message);
            Assert.Contains($"found {table.Rows[table.Ragged[0]].Length}", e.Message);
            Interlocked.Increment(ref tables);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Tables));
        return tables;
    });

    [Fact]
    public void Ragged_rows_go_to_the_bad_rows_stream_verbatim() => Reliability.Check("Generated ragged tables (in-process)",
        $"{Tables} FsCheck tables with ragged rows and a BadRows stream: bad rows kept verbatim, good rows unchanged and in order", () =>
    {
        long tables = 0, bad = 0;
        Prop.ForAll(TableGen.RaggedTable().ToArbitrary(), table =>
        {
            var written = TableGen.Write(table);
            using var badRows = new MemoryStream();
            var (summary, output) = Tag(table, written.Bytes, badRows);

            string expectedBad = string.Concat(table.Ragged.Select(r => written.Raw(r, table.NewLine) + "\n"));
            Assert.Equal(expectedBad, Encoding.UTF8.GetString(badRows.ToArray()));
            Assert.Equal(table.Ragged.Length, summary.BadRows);
            var good = table.Rows.Where((_, i) => !table.Ragged.Contains(i)).ToArray();
            Assert.Equal(good.Length, summary.TaggedRows);
            var parsed = CsvTable.Parse(output, table.Separator);
            Assert.Equal(good.Length, parsed.Rows.Count);
            for (int r = 0; r < good.Length; r++)
                Assert.Equal(good[r], parsed.Rows[r][..^1]);
            Interlocked.Increment(ref tables);
            Interlocked.Add(ref bad, table.Ragged.Length);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Tables));
        Reliability.Check("Generated ragged tables (in-process)", "ragged rows in those tables, each found in the bad-rows stream", () => bad);
        return tables;
    });

    private static (CsvTaggingSummary, byte[]) Tag(GeneratedTable table, byte[] input, Stream? badRows)
    {
        var csv = new CsvContentTagger(Tagger, new CsvTaggingOptions
        {
            Delimiter = table.Separator,
            BatchSize = table.BatchSize,
            MaxBatchesInFlight = table.BatchesInFlight,
            BadRows = badRows,
        });
        using var output = new MemoryStream();
        var summary = csv.TagAsync(new MemoryStream(input), output, "generated.csv").GetAwaiter().GetResult();
        return (summary, output.ToArray());
    }
}
