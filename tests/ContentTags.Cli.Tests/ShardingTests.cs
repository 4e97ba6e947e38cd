using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>
/// Issue 7: a dataset stored as part files, split over N processes with --shard K/N (as a Kubernetes Indexed Job or a
/// Slurm array would), gives exactly the output of one process over the whole dataset (see docs/scaling.md).
/// </summary>
public sealed class ShardingTests
{
    private const int Parts = 6;
    private const int RowsPerPart = 400;

    [Fact]
    public Task Three_shards_give_the_same_files_as_one_process() => Reliability.CheckAsync("Sharding (tool processes)",
        $"rows in {Parts} part files tagged by 3 concurrent processes (--shard 1/3, 2/3, 3/3) into one folder, compared byte for byte with one process without --shard", async () =>
    {
        using var dir = new TempDir();
        string parts = MakeParts(dir);
        string sharded = dir.File("out-sharded");
        string single = dir.File("out-single");

        var runs = await Task.WhenAll(Enumerable.Range(1, 3).Select(k =>
            Tool.RunAsync("tag", parts, "-o", sharded, "--shard", $"{k}/3", "--model", SmallModel.Path)));
        var one = await Tool.RunAsync("tag", parts, "-o", single, "--model", SmallModel.Path);

        foreach (var run in runs.Append(one)) Assert.True(run.ExitCode == 0, run.ToString());
        for (int k = 1; k <= 3; k++) Assert.Contains($"shard {k}/3: 2 of {Parts} part files", runs[k - 1].StdErr);
        Assert.Contains($"shard 1/1: {Parts} of {Parts} part files", one.StdErr);

        var expected = Directory.GetFiles(single).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var actual = Directory.GetFiles(sharded).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, Parts).Select(Name), expected);
        Assert.Equal(expected, actual); // and no temporary files left beside them
        foreach (var name in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(single, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sharded, name!))), name + " differs");

        // Every part's output keeps its input rows, in order.
        for (int p = 0; p < Parts; p++)
        {
            var table = CsvTable.ParseFile(Path.Combine(single, Name(p)));
            Assert.Equal(Enumerable.Range(1 + p * RowsPerPart, RowsPerPart).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Values("id"));
        }
        return Parts * RowsPerPart;
    });

    [Fact]
    public Task Shards_partition_the_parts() => Reliability.CheckAsync("Sharding (tool processes)",
        "runs of --shard K/N for N = 2 and 4 over a pattern INPUT: each part file in exactly one shard", async () =>
    {
        using var dir = new TempDir();
        string parts = MakeParts(dir, rowsPerPart: 3);
        int runs = 0;
        foreach (int n in new[] { 2, 4 })
        {
            var seen = new List<string>();
            for (int k = 1; k <= n; k++)
            {
                string output = dir.File($"out-{k}-of-{n}");
                var run = await Tool.RunAsync("tag", Path.Combine(parts, "part-*.csv"), "-o", output, "--shard", $"{k}/{n}", "--quiet", "--model", SmallModel.Path);
                Assert.True(run.ExitCode == 0, run.ToString());
                seen.AddRange(Directory.Exists(output) ? Directory.GetFiles(output).Select(f => Path.GetFileName(f)!) : []);
                runs++;
            }
            Assert.Equal(Enumerable.Range(0, Parts).Select(Name), seen.Order(StringComparer.Ordinal));
        }
        return runs;
    });

    private static string MakeParts(TempDir dir, int rowsPerPart = RowsPerPart)
    {
        for (int p = 0; p < Parts; p++)
            dir.Write(Path.Combine("parts", Name(p)), SampleTexts.Csv(rowsPerPart, firstId: 1 + p * rowsPerPart));
        dir.Write(Path.Combine("parts", ".hidden-marker"), "not a part");
        return dir.File("parts");
    }

    private static string Name(int part) => $"part-{part:00000}.csv";
}
