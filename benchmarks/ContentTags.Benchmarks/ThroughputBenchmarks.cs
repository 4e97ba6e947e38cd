using BenchmarkDotNet.Attributes;
using Microsoft.ML;

namespace ContentTags.Benchmarks;

/// <summary>
/// 10,000 texts of mixed length: <see cref="ContentTagger.TagMany"/> (all cores) against the PredictionEngine over the
/// same texts one after another, and a sequential <see cref="ContentTagger.Tag"/> loop for the per-core rate.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    public const int TextCount = 10_000;

    private string[] _texts = [];
    private ContentTagger _tagger = null!;
    private ContentTagger _taggerWithoutEvidence = null!;
    private PredictionEngine<MlNetTextInput, MlNetProbabilities> _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = MixedTexts(TextCount);
        _tagger = BenchmarkModel.CreateTagger(includeEvidence: true);
        _taggerWithoutEvidence = BenchmarkModel.CreateTagger(includeEvidence: false);
        _engine = BenchmarkModel.Model.CreatePredictionEngine();
        Console.WriteLine($"// Model: {BenchmarkModel.Description}");
        Console.WriteLine($"// {_texts.Length} texts, {_texts.Average(SampleTexts.WordCount):0.0} words and {_texts.Average(t => t.Length):0} chars on average; " +
                          $"{Environment.ProcessorCount} logical cores");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    /// <summary>
    /// The project's own labeled texts (data/corpus.csv: reviews, synopses, blurbs, episode and game descriptions of 10 to
    /// 210 words), cycled, with every 50th text replaced by a short, medium or long sample in turn.
    /// </summary>
    internal static string[] MixedTexts(int count)
    {
        var corpus = new List<string>();
        var reading = LabeledCsv.ReadAsync(Path.Combine(BenchmarkModel.RepositoryRoot, "data", "corpus.csv")).GetAsyncEnumerator();
        try
        {
            while (reading.MoveNextAsync().AsTask().GetAwaiter().GetResult()) corpus.Add(reading.Current.Text);
        }
        finally
        {
            reading.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        string[] samples = [SampleTexts.Short, SampleTexts.Medium, SampleTexts.Long];
        var texts = new string[count];
        for (int i = 0; i < count; i++)
            texts[i] = i % 50 == 49 ? samples[i / 50 % 3] : corpus[i % corpus.Count];
        return texts;
    }

    [Benchmark(Baseline = true)]
    public int PredictionEngineSequential()
    {
        int fired = 0;
        foreach (string text in _texts)
            if (_engine.Predict(new MlNetTextInput { Text = text }).Probabilities[0] > 0.5f) fired++;
        return fired;
    }

    [Benchmark]
    public int TagMany() => _tagger.TagMany(_texts).Count(r => r.HasTags);

    [Benchmark]
    public int TagManyWithoutEvidence() => _taggerWithoutEvidence.TagMany(_texts).Count(r => r.HasTags);

    [Benchmark]
    public int TagSequentialWithoutEvidence()
    {
        int fired = 0;
        foreach (string text in _texts)
            if (_taggerWithoutEvidence.Tag(text).HasTags) fired++;
        return fired;
    }
}
