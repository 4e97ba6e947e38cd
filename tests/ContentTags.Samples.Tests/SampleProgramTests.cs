using ContentTags.Samples.Tests.Support;

namespace ContentTags.Samples.Tests;

/// <summary>Runs the console samples as a person would (<c>dotnet Sample.dll</c>) and checks what they print and write.</summary>
public sealed class SampleProgramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("contenttags-samples-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task QuickStart_prints_a_table_of_tags_and_probabilities()
    {
        var run = await SampleApps.RunAsync("QuickStart", [], TimeSpan.FromMinutes(2), _dir);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Top probabilities", run.Output);
        foreach (string tag in new[] { "violence", "eating-disorder", "animal-harm", "kidnapping" })
            Assert.Contains(tag, run.Output);
        Assert.Contains("(none)", run.Output); // the romantic comedy gets no tags
        Assert.Matches(@"\d+ %", run.Output);
        Assert.Contains("violence because of", run.Output);
    }

    [Fact]
    public async Task BatchCsv_tags_every_row_of_its_sample_file()
    {
        string input = Path.Combine(SampleApps.ProjectDirectory("BatchCsv"), "reviews.csv");
        string output = Path.Combine(_dir, "reviews.tagged.csv");

        var run = await SampleApps.RunAsync("BatchCsv", [input, output], TimeSpan.FromMinutes(2), _dir);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] inputLines = await File.ReadAllLinesAsync(input); // the sample file has no line breaks inside fields
        var outputRows = await ReadAsync(output, CsvTaggingOptions.TagsColumn); // fails if the column is missing
        Assert.Equal(20, inputLines.Length - 1);
        Assert.Equal(inputLines.Length - 1, outputRows.Count);
        Assert.All(outputRows, (row, i) => Assert.Contains(row.Text, inputLines[i + 1])); // same rows, same order
        Assert.Contains(outputRows, r => r.Tags.Contains("violence"));
        Assert.Contains(outputRows, r => r.Tags.Count == 0);
        Assert.Contains($"Tagged {outputRows.Count} rows", run.Output);

        string header = File.ReadLines(output).First();
        Assert.Equal("id,title,text,content_warnings,cw_evidence", header);
    }

    [Fact]
    public async Task BatchCsv_reports_a_missing_column_and_writes_nothing()
    {
        string input = Path.Combine(_dir, "no-title.csv");
        await File.WriteAllTextAsync(input, "id,text\n1,Hello\n");
        string output = Path.Combine(_dir, "out.csv");

        var run = await SampleApps.RunAsync("BatchCsv", [input, output], TimeSpan.FromMinutes(2), _dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("title", run.Output);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task TrainCustom_trains_evaluates_saves_reloads_and_tags()
    {
        string model = Path.Combine(_dir, "kids-model.zip");

        var run = await SampleApps.RunAsync("TrainCustom", [model], TimeSpan.FromMinutes(5), _dir);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Trained on 127 examples: scary-scenes, peril, rude-humour, mild-violence", run.Output);
        Assert.Contains("Held-out evaluation (36 texts)", run.Output);
        Assert.Matches(@"Macro F1 0\.[5-9]\d", run.Output); // a small but useful model
        Assert.Contains("Saved and reloaded", run.Output);

        var reloaded = ContentTagger.Load(model);
        Assert.Equal(["scary-scenes", "peril", "rude-humour", "mild-violence"], reloaded.Taxonomy.Ids);
        Assert.Contains("-> scary-scenes", run.Output.ReplaceLineEndings(" "));
        Assert.Contains("-> (none)", run.Output);
    }

    private static async Task<List<LabeledText>> ReadAsync(string path, string tagsColumn)
    {
        var rows = new List<LabeledText>();
        await foreach (var row in LabeledCsv.ReadAsync(path, "text", tagsColumn)) rows.Add(row);
        return rows;
    }
}
