using BenchmarkDotNet.Attributes;
using Microsoft.ML;

namespace ContentTags.Benchmarks;

/// <summary>
/// One text at a time: <see cref="ContentTagger.Tag"/> (with and without evidence) against the same model's ML.NET
/// PredictionEngine (the baseline a user writes first) and against the raw floor (<see cref="RawFloorScorer"/>).
/// </summary>
[MemoryDiagnoser]
public class TagBenchmarks
{
    private string _text = string.Empty;
    private ContentTagger _tagger = null!;
    private ContentTagger _taggerWithoutEvidence = null!;
    private PredictionEngine<MlNetTextInput, MlNetProbabilities> _engine = null!;
    private RawFloorScorer _floor = null!;

    /// <summary>short (~20 words), medium (~120 words) or long (~1,500 words, several paragraphs).</summary>
    [Params("short", "medium", "long")]
    public string Length { get; set; } = "medium";

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleTexts.ByName(Length);
        _tagger = BenchmarkModel.CreateTagger(includeEvidence: true);
        _taggerWithoutEvidence = BenchmarkModel.CreateTagger(includeEvidence: false);
        _engine = BenchmarkModel.Model.CreatePredictionEngine();
        _floor = new RawFloorScorer(BenchmarkModel.Model);

        var result = _tagger.Tag(_text);
        Console.WriteLine($"// Model: {BenchmarkModel.Description}");
        Console.WriteLine($"// Text '{Length}': {SampleTexts.WordCount(_text)} words, {_text.Length} chars; tags: [{result}]; " +
                          $"evidence: {string.Join(" | ", result.Evidence.Select(e => e.TagId + ": " + string.Join(",", e.Words)))}");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    /// <summary>What a user writes first: the model's own ML.NET pipeline through a PredictionEngine.</summary>
    [Benchmark(Baseline = true)]
    public float[] PredictionEngine() => _engine.Predict(new MlNetTextInput { Text = _text }).Probabilities;

    /// <summary>ContentTagger.Tag with its default options (evidence on).</summary>
    [Benchmark]
    public ContentTagResult Tag() => _tagger.Tag(_text);

    /// <summary>ContentTagger.Tag with IncludeEvidence = false.</summary>
    [Benchmark]
    public ContentTagResult TagWithoutEvidence() => _taggerWithoutEvidence.Tag(_text);

    /// <summary>Split, hash, 15 dot products: the least work possible.</summary>
    [Benchmark]
    public float RawFloor() => _floor.Score(_text);
}
