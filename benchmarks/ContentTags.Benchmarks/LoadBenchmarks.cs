using BenchmarkDotNet.Attributes;

namespace ContentTags.Benchmarks;

/// <summary>Loading the saved model zip, and the time to a first result from a model file.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchmarkModel.ModelPath();
        Console.WriteLine($"// Model: {BenchmarkModel.Description}; file {_path}, {new FileInfo(_path).Length:N0} bytes");
    }

    /// <summary>ContentTagModel.Load: unzip, read the manifest, load the ML.NET model, lay out the weights.</summary>
    [Benchmark]
    public ContentTagModel Load() => ContentTagModel.Load(_path);

    /// <summary>ContentTagger.Load plus the first Tag (thread-local scratch buffers are made on first use).</summary>
    [Benchmark]
    public ContentTagResult LoadAndTagFirstText() =>
        ContentTagger.Load(_path, new ContentTaggerOptions { IncludeEvidence = false }).Tag(SampleTexts.Medium);
}
