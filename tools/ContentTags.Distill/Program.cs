// Distils all-MiniLM-L6-v2 into the static per-token embedding table the library's TextEmbedder reads:
//   dotnet run --project tools/ContentTags.Distill -c Release -- -o data/embeddings/minilm-static.bin
// Options: --dimension D (default 64), --limit N (first N vocabulary entries only, for tests), --corpus PATH
// (default data/corpus.csv), --batch N, --threads N (default 2), --check N (words cross-checked against the
// package's own encoder, default 16). Deterministic: the same options give the same bytes.
using System.Diagnostics;
using ContentTags;
using ContentTags.Distill;

try
{
    string root = RepoRoot();
    string output = Path.GetFullPath(Arg("-o") ?? Arg("--output") ?? Path.Combine(root, "data/embeddings/minilm-static.bin"));
    var options = new DistillOptions
    {
        CorpusPath = Path.GetFullPath(Arg("--corpus") ?? Path.Combine(root, "data/corpus.csv")),
        Dimension = IntArg("--dimension") ?? 64,
        Limit = IntArg("--limit"),
        BatchSize = IntArg("--batch") ?? 512,
        Threads = IntArg("--threads") ?? 2,
        CrossCheckWords = IntArg("--check", min: 0) ?? 16,
    };

    var clock = Stopwatch.StartNew();
    var result = Distiller.Run(options, Console.Out);
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    string temporary = output + ".partial";
    File.WriteAllBytes(temporary, result.File);
    File.Move(temporary, output, overwrite: true);
    Console.WriteLine($"wrote {output} ({result.File.Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F0} s");

    // Read it back the way the library does, and show what the vectors are for.
    var table = StaticEmbeddingTable.Load(output);
    Console.WriteLine($"loaded: {table.Count:N0} tokens, D = {table.Dimension}, {table.Source} via {table.Package} {table.Version} ({table.Licence})");
    if (options.Limit is null)
    {
        var embedder = new TextEmbedder(table);
        (string, string)[] pairs =
        [
            ("took his own life", "committed suicide"),
            ("took his own life", "baked a cake"),
            ("the dog is killed", "an animal dies"),
            ("the dog is killed", "a sunny picnic"),
            ("she was raped", "sexual assault"),
            ("she was raped", "a quiet dinner"),
        ];
        foreach (var (a, b) in pairs)
            Console.WriteLine($"  cos(\"{a}\", \"{b}\") = {TextEmbedder.Cosine(embedder.Embed(a), embedder.Embed(b)):F3}");
    }

    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    if (i < 0)
        return null;
    if (i + 1 >= args.Length)
        throw new ArgumentException($"{name} needs a value.");
    return args[i + 1];
}

int? IntArg(string name, int min = 1) =>
    Arg(name) is { } value ? int.TryParse(value, out int n) && n >= min ? n : throw new ArgumentException($"{name} needs a whole number of at least {min}, not '{value}'.") : null;

static string RepoRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentTags.sln")))
                return dir.FullName;
    return Directory.GetCurrentDirectory();
}
