using System.Security.Cryptography;

namespace ContentTags.Benchmarks;

/// <summary>
/// The model every benchmark runs. When the package embeds its default model (src/ContentTags/Model/default-model.zip),
/// that is the one (<see cref="ContentTagger.Default"/>); otherwise a model is trained once from data/corpus.csv with the
/// library's default trainer settings and cached in a temp folder, keyed by the corpus and the library's source, so that
/// later runs (and BenchmarkDotNet's child processes) load it instead of training again.
/// </summary>
internal static class BenchmarkModel
{
    private static readonly Lazy<string> s_root = new(FindRepositoryRoot);
    private static readonly Lazy<ContentTagModel> s_model = new(LoadModel);

    /// <summary>The folder holding ContentTags.sln, found by walking up from the running assembly.</summary>
    public static string RepositoryRoot => s_root.Value;

    /// <summary>Where generated inputs (cached model, CSV files) live between runs.</summary>
    public static string CacheFolder
    {
        get
        {
            string folder = Path.Combine(Path.GetTempPath(), "contenttags-benchmarks");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Whether this build of the library embeds its default model.</summary>
    public static bool HasEmbeddedModel =>
        typeof(ContentTagger).Assembly.GetManifestResourceNames().Contains(ContentTagger.DefaultModelResource);

    /// <summary>Says which model is in use, for the logs.</summary>
    public static string Description => HasEmbeddedModel
        ? "the embedded default model (ContentTagger.Default)"
        : $"a model trained from data/corpus.csv (no embedded model in this build), cached at {ModelPath()}";

    /// <summary>The model, loaded once per process.</summary>
    public static ContentTagModel Model => s_model.Value;

    /// <summary>A tagger over the model: <see cref="ContentTagger.Default"/> itself when the package embeds a model.</summary>
    public static ContentTagger CreateTagger(bool includeEvidence)
    {
        if (includeEvidence && HasEmbeddedModel) return ContentTagger.Default;
        return new ContentTagger(Model, new ContentTaggerOptions { IncludeEvidence = includeEvidence });
    }

    /// <summary>
    /// The path of a model file with the benchmarked model (the embedded model's bytes, or the trained model), making it
    /// first when needed. Training takes about a minute.
    /// </summary>
    public static string ModelPath()
    {
        if (HasEmbeddedModel)
        {
            using var resource = typeof(ContentTagger).Assembly.GetManifestResourceStream(ContentTagger.DefaultModelResource)!;
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            string embedded = Path.Combine(CacheFolder, $"default-model-{Hash(copy.ToArray())}.zip");
            if (!File.Exists(embedded)) WriteAtomically(embedded, copy.ToArray());
            return embedded;
        }

        string corpus = Path.Combine(RepositoryRoot, "data", "corpus.csv");
        string path = Path.Combine(CacheFolder, $"trained-model-{TrainingKey(corpus)}.zip");
        if (File.Exists(path)) return path;

        Console.WriteLine($"// ContentTags.Benchmarks: no embedded model and no cached one; training from {corpus} (about a minute)...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = new ContentTagTrainer().TrainAsync(corpus).GetAwaiter().GetResult();
        model.Save(path);
        Console.WriteLine($"// ContentTags.Benchmarks: trained in {clock.Elapsed.TotalSeconds:0} s, saved {path}");
        return path;
    }

    private static ContentTagModel LoadModel() => HasEmbeddedModel ? ContentTagger.Default.Model : ContentTagModel.Load(ModelPath());

    // The trained model depends on the corpus and on the library's code (featurizer, trainer); both go into the key.
    private static string TrainingKey(string corpus)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(corpus));
        string source = Path.Combine(RepositoryRoot, "src", "ContentTags");
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(source, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentTags.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No ContentTags.sln above {AppContext.BaseDirectory}; run the benchmarks from inside the repository.");
    }
}
