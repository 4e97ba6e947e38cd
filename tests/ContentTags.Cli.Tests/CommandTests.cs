using System.Text.Json;
using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>The other commands (train, evaluate, explain) and the embedded default model, through the real tool.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Evaluate_prints_json_and_writes_an_html_report()
    {
        using var dir = new TempDir();
        string report = dir.File("report.html");

        var run = await Tool.RunAsync("evaluate", SmallModel.CorpusPath, "--model", SmallModel.Path, "--json", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var tags = json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tagId").GetString()!).ToArray();
        Assert.Equal(SmallModel.Taxonomy.Ids, tags);
        Assert.Equal(File.ReadLines(SmallModel.CorpusPath).Count() - 1, json.RootElement.GetProperty("rows").GetInt32());
        string html = File.ReadAllText(report);
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("animal-harm", html);
    }

    [Fact]
    public async Task Explain_text_and_file()
    {
        using var dir = new TempDir();
        const string text = "The hitman strangles the witness. Hunters shoot the mother deer while her fawn watches.";
        string file = dir.Write("review.txt", text);

        var plain = await Tool.RunAsync("explain", text, "--model", SmallModel.Path);
        var json = await Tool.RunAsync("explain", "--file", file, "--json", "--model", SmallModel.Path);
        var stdin = await Tool.RunAsync(["explain", "--file", "-", "--json", "--model", SmallModel.Path], stdin: System.Text.Encoding.UTF8.GetBytes(text));

        var expected = SmallModel.Tagger.Tag(text);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("Tags:", plain.StdOut);
        foreach (var tag in expected.Tags) Assert.Contains(tag, plain.StdOut);
        foreach (var run in new[] { json, stdin })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            using var doc = JsonDocument.Parse(run.StdOut);
            Assert.Equal(expected.Tags, doc.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
    }

    [Fact]
    public async Task Train_then_tag_with_the_trained_model()
    {
        using var dir = new TempDir();
        // The small corpus with tag ids of its own, so the trainer infers a custom taxonomy of three tags.
        var lines = File.ReadLines(SmallModel.CorpusPath).Select((line, i) =>
        {
            if (i == 0) return line;
            int comma = line.LastIndexOf(',');
            return line[..(comma + 1)] + line[(comma + 1)..].Replace("violence", "fights").Replace("suicide", "suicidal").Replace("animal-harm", "animals");
        });
        string corpus = dir.Write("corpus.csv", string.Join('\n', lines) + "\n");
        string model = dir.File("model.zip");

        var train = await Tool.RunAsync("train", corpus, "-o", model, "--folds", "2", "--quiet", "--l2", "0.01", "--threshold-tolerance", "0.02");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Equal(0.02, ContentTagModel.Load(model).Manifest.ThresholdTolerance);
        Assert.Contains("saved", train.StdErr);
        Assert.Contains("2-fold cross-validation", train.StdOut);
        string input = dir.Write("in.csv", "id,text\n1,A car bomb explodes in the crowded market and kills dozens of shoppers.\n");
        var tag = await Tool.RunAsync("tag", input, "--scores", "--model", model);
        Assert.True(tag.ExitCode == 0, tag.ToString());
        Assert.Equal(["id", "text", "content_warnings", "cw_fights", "cw_suicidal", "cw_animals"], CsvTable.Parse(tag.StdOutBytes).Header);
    }

    [Fact]
    public async Task Train_on_a_bad_file_names_the_line()
    {
        using var dir = new TempDir();
        var run = await Tool.RunAsync("train", dir.Write("bad.csv", "text,tags\nfine,a\nragged,a,b\n"), "-o", dir.File("m.zip"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv, line 3", run.StdErr);
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    [DefaultModelFact]
    public async Task Tag_with_the_embedded_default_model()
    {
        using var dir = new TempDir();
        string[] header = ["id", "text"];
        List<string[]> rows =
        [
            ["1", "The gunman opens fire in the crowded market and shoots a dozen shoppers dead."],
            ["2", "A warm comedy about two sisters who open a bakery in Lisbon."],
            ["3", ""],
        ];
        string input = dir.Write("in.csv", CsvText.Write(header, rows));

        var run = await Tool.RunAsync("tag", input, "--scores");

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = CsvTable.Parse(run.StdOutBytes);
        Assert.Equal(2 + 1 + TagTaxonomy.BuiltIn.Count, table.Header.Length);
        Assert.Equal(["id", "text", "content_warnings", .. TagTaxonomy.BuiltIn.Ids.Select(id => "cw_" + id)], table.Header);
        Assert.Equal(header.Length + 1 + TagTaxonomy.BuiltIn.Count, table.Rows[0].Length);
        for (int r = 0; r < rows.Count; r++) Assert.Equal(rows[r], table.Rows[r][..2]);
        var tags = table.Values("content_warnings").ToArray();
        Assert.Contains("violence", tags[0].Split(';'));
        Assert.Equal("", tags[1]);
        Assert.Equal("", tags[2]);
        // The tool's result is the library's default tagger's.
        Assert.Equal(string.Join(';', ContentTagger.Default.Tag(rows[0][1]).Tags), tags[0]);
    }

    [DefaultModelFact]
    public async Task Explain_with_the_embedded_default_model()
    {
        var run = await Tool.RunAsync("explain", "After losing the farm her father takes his own life in the barn.", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.StdOut);
        Assert.Equal(TagTaxonomy.BuiltIn.Count, doc.RootElement.GetProperty("scores").GetArrayLength());
        Assert.Contains("suicide", doc.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }
}

/// <summary>A test that needs the embedded default model (src/ContentTags/Model/default-model.zip); skipped, visibly, in a build without it.</summary>
public sealed class DefaultModelFactAttribute : FactAttribute
{
    public DefaultModelFactAttribute()
    {
        string model = Path.Combine(Tool.RepositoryRoot, "src", "ContentTags", "Model", "default-model.zip");
        if (!File.Exists(model)) Skip = "no embedded default model in this build: " + model + " does not exist";
    }
}
