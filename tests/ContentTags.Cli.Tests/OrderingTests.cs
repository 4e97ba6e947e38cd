using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>Issue 7: rows are tagged in parallel batches but written in input order, and none is lost or repeated.</summary>
public sealed class OrderingTests
{
    private const int Rows = 20_000;
    private const int InProcessRows = 5_000;

    [Fact]
    public Task Twenty_thousand_rows_keep_their_order_through_the_tool() => Reliability.CheckAsync("Ordering (tool process)",
        $"rows tagged by one run of the tool on {Environment.ProcessorCount} cores; id sequence and every text cell checked", async () =>
    {
        using var dir = new TempDir();
        string input = dir.Write("in.csv", SampleTexts.Csv(Rows));
        string output = dir.File("out.csv");

        var run = await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{Rows:N0} rows tagged", run.StdErr);
        var table = CsvTable.ParseFile(output);
        Assert.Equal(Rows, table.Rows.Count);
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), table.Rows[i][0]);
            Assert.Equal(SampleTexts.Row(i + 1), table.Rows[i][1]);
        }
        // Tags are the row's own: spot-check against the in-process tagger.
        for (int i = 0; i < Rows; i += 97)
            Assert.Equal(string.Join(';', SmallModel.Tagger.Tag(table.Rows[i][1]).Tags), table.Rows[i][2]);
        return Rows;
    });

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 64)]
    [InlineData(100, 3)]
    [InlineData(4096, 2)]
    public Task Batch_size_and_batches_in_flight_do_not_change_a_byte(int batchSize, int inFlight) => Reliability.CheckAsync("Ordering (in-process)",
        "rows tagged with batch sizes 1/7/100/4096 and 1-64 batches in flight; output bytes equal to the tool's default batching", async () =>
    {
        byte[] input = System.Text.Encoding.UTF8.GetBytes(SampleTexts.Csv(InProcessRows));
        var reference = await Tag(input, new CsvTaggingOptions());
        var varied = await Tag(input, new CsvTaggingOptions { BatchSize = batchSize, MaxBatchesInFlight = inFlight });
        Assert.Equal(reference.Length, varied.Length);
        Assert.True(reference.AsSpan().SequenceEqual(varied), "outputs differ");
        Assert.Equal(InProcessRows, CsvTable.Parse(varied).Rows.Count);
        return InProcessRows;
    });

    private static async Task<byte[]> Tag(byte[] input, CsvTaggingOptions options)
    {
        var tagger = new CsvContentTagger(SmallModel.Tagger, options);
        using var output = new MemoryStream();
        var summary = await tagger.TagAsync(new MemoryStream(input), output);
        Assert.Equal(InProcessRows, summary.TaggedRows);
        return output.ToArray();
    }
}
