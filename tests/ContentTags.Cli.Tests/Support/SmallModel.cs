namespace ContentTags.Cli.Tests.Support;

/// <summary>
/// A small model trained once per test run from Data/small-corpus.csv (three built-in tags, a few dozen rows each, and
/// negatives) with small hash spaces, so tests are fast and do not depend on the big embedded model.
/// </summary>
internal static class SmallModel
{
    public static readonly TagTaxonomy Taxonomy = TagTaxonomy.FromIds(["violence", "suicide", "animal-harm"]);

    private static readonly Lazy<(string Path, ContentTagModel Model)> s_model = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);
    // Loaded back from the saved zip, exactly as the tool loads it with --model.
    private static readonly Lazy<ContentTagger> s_tagger = new(() => ContentTagger.Load(Path));

    /// <summary>The saved model zip, for <c>--model</c>.</summary>
    public static string Path => s_model.Value.Path;

    public static ContentTagModel Model => s_model.Value.Model;

    /// <summary>A tagger with the default options (tuned thresholds, evidence on), as the tool uses with --model.</summary>
    public static ContentTagger Tagger => s_tagger.Value;

    public static string CorpusPath => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "small-corpus.csv");

    private static (string, ContentTagModel) Train()
    {
        var examples = new List<LabeledText>();
        var read = LabeledCsv.ReadAsync(CorpusPath).GetAsyncEnumerator();
        try
        {
            while (read.MoveNextAsync().AsTask().GetAwaiter().GetResult()) examples.Add(read.Current);
        }
        finally
        {
            read.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var trainer = new ContentTagTrainer(new ContentTagTrainerOptions
        {
            Taxonomy = Taxonomy,
            Featurizer = FeaturizerSettings.Default with { WordHashBits = 14, CharHashBits = 12 },
            L2Regularization = 0.01f,
            Seed = 7,
            Notes = "ContentTags.Cli.Tests small model",
        });
        var model = trainer.Train(examples);
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contenttags-cli-tests");
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, $"small-model-{Environment.ProcessId}.zip");
        model.Save(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { File.Delete(path); } catch (IOException) { } };
        return (path, model);
    }
}
