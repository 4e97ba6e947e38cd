using BenchmarkDotNet.Attributes;

namespace ContentTags.Benchmarks;

/// <summary>
/// The CSV path end to end: <see cref="CsvContentTagger.TagAsync"/> from a FileStream over a generated reviews file
/// (id,title,text) to <see cref="Stream.Null"/>. MB/s = file size / median time.
/// </summary>
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private string _path = string.Empty;
    private CsvContentTagger _csv = null!;
    private CsvContentTagger _csvOverDefaultTagger = null!;

    /// <summary>Size of the generated input in MB (10^6 bytes).</summary>
    [Params(10, 50)]
    public int SizeMB { get; set; } = 50;

    [GlobalSetup]
    public void Setup()
    {
        _path = CsvFileGenerator.Ensure(SizeMB);
        // What `contenttags tag` builds: the tagger's evidence follows the CSV's evidence option (off by default).
        _csv = new CsvContentTagger(BenchmarkModel.CreateTagger(includeEvidence: false));
        // What a library user gets from the shortest code: ContentTagger.Default's options have evidence on.
        _csvOverDefaultTagger = new CsvContentTagger(BenchmarkModel.CreateTagger(includeEvidence: true));
        Console.WriteLine($"// Model: {BenchmarkModel.Description}");
        Console.WriteLine($"// Input: {_path}, {new FileInfo(_path).Length:N0} bytes");
    }

    /// <summary>Like the CLI: a tagger with IncludeEvidence = false.</summary>
    [Benchmark(Baseline = true)]
    public Task<CsvTaggingSummary> TagCsv() => Run(_csv);

    /// <summary>Over a tagger with default options (IncludeEvidence = true): evidence is computed, then not written.</summary>
    [Benchmark]
    public Task<CsvTaggingSummary> TagCsvOverDefaultTagger() => Run(_csvOverDefaultTagger);

    private async Task<CsvTaggingSummary> Run(CsvContentTagger csv)
    {
        await using var input = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await csv.TagAsync(input, Stream.Null, _path).ConfigureAwait(false);
    }
}
