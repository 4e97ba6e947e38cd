namespace ContentTags.Tests.Embeddings;

/// <summary>The distilled table shipped in data/embeddings, loaded once for all tests, and small tables made in memory.</summary>
internal static class EmbeddingTestData
{
    private static readonly Lazy<StaticEmbeddingTable> Shipped = new(() => StaticEmbeddingTable.Load(ShippedTablePath));

    /// <summary>The folder holding ContentTags.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "ContentTags.sln")))
                        return dir.FullName;
            throw new InvalidOperationException("The tests must run inside the ContentTags repository.");
        }
    }

    public static string ShippedTablePath => Path.Combine(RepoRoot, "data", "embeddings", "minilm-static.bin");

    public static StaticEmbeddingTable ShippedTable => Shipped.Value;

    /// <summary>A valid little table: the given tokens, D = 4, vectors and weights derived from the row.</summary>
    public static StaticEmbeddingTableData SmallData(params string[] tokens)
    {
        const int dimension = 4;
        var quantized = new sbyte[tokens.Length * dimension];
        for (int i = 0; i < quantized.Length; i++)
            quantized[i] = (sbyte)((i * 37 % 255) - 127);
        return new StaticEmbeddingTableData
        {
            Source = "test/model",
            Package = "Test.Package",
            Version = "1.2.3",
            Licence = "Apache-2.0",
            SifA = 1e-3f,
            Dimension = dimension,
            Scales = [0.5f, 0.25f, 1f / 127, 2f],
            Mean = [0.1f, -0.2f, 0.3f, 0f, 1.5f],
            Tokens = tokens,
            Weights = tokens.Select((_, i) => 1f / (i + 1)).ToArray(),
            Quantized = quantized,
        };
    }

    public static byte[] Bytes(StaticEmbeddingTableData data)
    {
        using var stream = new MemoryStream();
        StaticEmbeddingTable.Write(stream, data);
        return stream.ToArray();
    }
}

/// <summary>Collects the tokens a tokenizer produces, as strings.</summary>
internal struct TokenCollector(WordPieceTokenizer tokenizer) : ITokenSink
{
    public List<string> Tokens { get; } = [];

    public readonly void Add(int row) => Tokens.Add(tokenizer.Token(row));

    public static List<string> Tokenize(WordPieceTokenizer tokenizer, string text)
    {
        var collector = new TokenCollector(tokenizer);
        tokenizer.Tokenize(text, ref collector);
        return collector.Tokens;
    }
}
