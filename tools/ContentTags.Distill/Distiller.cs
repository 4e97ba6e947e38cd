using System.Diagnostics;
using ContentTags.Semantic;

namespace ContentTags.Distill;

/// <summary>Settings of one distillation.</summary>
public sealed class DistillOptions
{
    /// <summary>The labeled corpus whose <c>text</c> column gives the token frequencies behind the SIF weights.</summary>
    public required string CorpusPath { get; init; }

    /// <summary>The dimension D of the stored vectors (PCA components kept).</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>Only the first N entries of the selected vocabulary (vocab.txt order); null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>How many entries the model encodes per run.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Threads for ONNX Runtime.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>The SIF parameter a of the weights a / (a + p(token)).</summary>
    public float SifA { get; init; } = 1e-3f;

    /// <summary>
    /// How many whole-word entries to also encode with the package's own <c>SentenceEncoder</c>, to check that feeding
    /// ids gives the same vectors; 0 skips the check.
    /// </summary>
    public int CrossCheckWords { get; init; }
}

/// <summary>What a distillation produced.</summary>
public sealed class DistillResult
{
    /// <summary>The table file, byte for byte.</summary>
    public required byte[] File { get; init; }

    /// <summary>How many tokens the table has.</summary>
    public required int Tokens { get; init; }

    /// <summary>The vector dimension.</summary>
    public required int Dimension { get; init; }

    /// <summary>The share of the variance of the model's token vectors the kept components explain.</summary>
    public required double ExplainedVariance { get; init; }

    /// <summary>How many tokens the corpus had (the denominator of p(token)).</summary>
    public required long CorpusTokens { get; init; }

    /// <summary>The smallest cosine between the package's own encoding and ours, or null when not checked.</summary>
    public float? CrossCheck { get; init; }
}

/// <summary>
/// Distils all-MiniLM-L6-v2 into a static per-token table: every kept WordPiece entry encoded alone by the model,
/// reduced to D dimensions by PCA, quantized to int8 per dimension, with a SIF weight per token from the corpus.
/// </summary>
/// <remarks>
/// Deterministic: the same options on the same machine give the same bytes. Nothing in the output depends on time,
/// thread scheduling or random numbers (every model input has the same shape, the PCA is an exact eigensolver with a
/// fixed sign rule, and rounding is to nearest).
/// </remarks>
public static class Distiller
{
    /// <summary>
    /// Runs the distillation and returns the table file's bytes. Progress goes to <paramref name="log"/>.
    /// </summary>
    public static DistillResult Run(DistillOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dimension is < 1 or > MiniLmTokenEncoder.Width)
            throw new ArgumentOutOfRangeException(nameof(options), $"The dimension must be within 1..{MiniLmTokenEncoder.Width}.");
        if (options.Limit is < 2)
            throw new ArgumentOutOfRangeException(nameof(options), "The limit must be at least 2.");
        log ??= TextWriter.Null;
        var clock = Stopwatch.StartNew();

        // 1. The vocabulary: every entry of MiniLM's vocab.txt but [PAD], [UNK], [CLS], [SEP], [MASK] and [unused*].
        string[] vocabulary = MiniLmPackage.ReadVocabulary();
        var ids = new List<int>();
        for (int id = 0; id < vocabulary.Length; id++)
            if (!IsSpecial(vocabulary[id]))
                ids.Add(id);
        if (options.Limit is int limit && limit < ids.Count)
            ids.RemoveRange(limit, ids.Count - limit);
        string[] tokens = ids.Select(id => vocabulary[id]).ToArray();
        log.WriteLine($"vocabulary: {tokens.Length:N0} of {vocabulary.Length:N0} entries ({tokens.Count(t => t.StartsWith("##", StringComparison.Ordinal)):N0} continuation pieces)");

        // 2. SIF weights a / (a + p), p the token's share of the corpus's tokens (the tokenizer the library uses).
        var tokenizer = new WordPieceTokenizer(tokens);
        var counter = new Counter(tokens.Length);
        foreach (string text in ReadTexts(options.CorpusPath))
            tokenizer.Tokenize(text, ref counter);
        var weights = new float[tokens.Length];
        for (int row = 0; row < tokens.Length; row++)
        {
            double p = counter.Total > 0 ? (double)counter.Counts[row] / counter.Total : 0;
            weights[row] = (float)(options.SifA / (options.SifA + p));
        }

        log.WriteLine($"corpus: {counter.Total:N0} tokens, {counter.Counts.Count(c => c > 0):N0} distinct ({clock.Elapsed.TotalSeconds:F1} s)");

        // 3. Each entry encoded alone by the model.
        float[] embeddings;
        float? crossCheck = null;
        using (var encoder = new MiniLmTokenEncoder(options.Threads))
        {
            var encodeClock = Stopwatch.StartNew();
            int reported = 0;
            embeddings = encoder.Encode(ids, options.BatchSize, done =>
            {
                if (done - reported >= 4096 || done == ids.Count)
                {
                    reported = done;
                    log.WriteLine($"  encoded {done:N0}/{ids.Count:N0} ({encodeClock.Elapsed.TotalSeconds:F0} s)");
                }
            });
            log.WriteLine($"model: {ids.Count:N0} entries in {encodeClock.Elapsed.TotalSeconds:F1} s");

            if (options.CrossCheckWords > 0)
            {
                var words = Enumerable.Range(0, tokens.Length)
                    .Where(r => tokens[r].Length > 2 && tokens[r].All(char.IsAsciiLetterLower))
                    .Take(options.CrossCheckWords).ToArray();
                crossCheck = encoder.CrossCheck(words.Select(r => tokens[r]).ToArray(), words.Select(r => ids[r]).ToArray());
                log.WriteLine($"cross-check against SentenceEncoder.Encode on {words.Length} words: smallest cosine {crossCheck:F6}");
            }
        }

        // 4. PCA to D dimensions, then int8 per dimension.
        var pcaClock = Stopwatch.StartNew();
        var pca = Pca.Fit(embeddings, MiniLmTokenEncoder.Width, options.Dimension);
        float[] reduced = pca.Transform(embeddings);
        log.WriteLine($"PCA: {options.Dimension} of {MiniLmTokenEncoder.Width} dimensions keep {pca.ExplainedVariance:P1} of the variance ({pcaClock.Elapsed.TotalSeconds:F1} s)");
        var (scales, quantized) = Quantize(reduced, options.Dimension);

        var data = new StaticEmbeddingTableData
        {
            Source = MiniLmTokenEncoder.SourceModel,
            Package = MiniLmPackage.Id,
            Version = MiniLmPackage.Version,
            Licence = MiniLmTokenEncoder.ModelLicence,
            SifA = options.SifA,
            Dimension = options.Dimension,
            Scales = scales,
            Mean = pca.Mean.Select(m => (float)m).ToArray(),
            Tokens = tokens,
            Weights = weights,
            Quantized = quantized,
        };
        using var file = new MemoryStream();
        StaticEmbeddingTable.Write(file, data);
        log.WriteLine($"table: {tokens.Length:N0} tokens × {options.Dimension} dimensions, {file.Length:N0} bytes ({clock.Elapsed.TotalSeconds:F1} s in all)");

        return new DistillResult
        {
            File = file.ToArray(),
            Tokens = tokens.Length,
            Dimension = options.Dimension,
            ExplainedVariance = pca.ExplainedVariance,
            CorpusTokens = counter.Total,
            CrossCheck = crossCheck,
        };
    }

    /// <summary>Whether a vocab.txt entry is one of BERT's special or unused tokens, which the table leaves out.</summary>
    public static bool IsSpecial(string token) =>
        token is "[PAD]" or "[UNK]" or "[CLS]" or "[SEP]" or "[MASK]"
        || (token.StartsWith("[unused", StringComparison.Ordinal) && token.EndsWith(']'));

    /// <summary>
    /// Per-dimension symmetric int8 quantization: step = max |value| / 127 over the dimension, values rounded to the
    /// nearest step (ties to even).
    /// </summary>
    internal static (float[] Scales, sbyte[] Quantized) Quantize(ReadOnlySpan<float> vectors, int dimension)
    {
        int rows = vectors.Length / dimension;
        var scales = new float[dimension];
        for (int d = 0; d < dimension; d++)
        {
            float max = 0;
            for (int r = 0; r < rows; r++)
                max = Math.Max(max, Math.Abs(vectors[r * dimension + d]));
            scales[d] = max > 1e-30f ? max / 127f : 1f;
        }

        var quantized = new sbyte[vectors.Length];
        for (int i = 0; i < vectors.Length; i++)
            quantized[i] = (sbyte)Math.Clamp((int)MathF.Round(vectors[i] / scales[i % dimension]), -127, 127);
        return (scales, quantized);
    }

    // The "text" column of a comma-separated file with a header row (RFC 4180: fields in double quotes may hold commas,
    // line breaks and doubled quotes).
    private static IEnumerable<string> ReadTexts(string path)
    {
        string content = File.ReadAllText(path);
        var records = ParseCsv(content).GetEnumerator();
        if (!records.MoveNext())
            throw new InvalidDataException($"{path} is empty.");
        int column = Array.IndexOf(records.Current, "text");
        if (column < 0)
            throw new InvalidDataException($"{path} has no 'text' column.");
        while (records.MoveNext())
            if (column < records.Current.Length)
                yield return records.Current[column];
    }

    private static IEnumerable<string[]> ParseCsv(string content)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < content.Length && content[i + 1] == '"')
                    field.Append(content[++i]);
                else
                    quoted = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields.ToArray();
                    }

                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    private struct Counter(int size) : ITokenSink
    {
        public long[] Counts { get; } = new long[size];

        public long Total { get; private set; }

        public void Add(int row)
        {
            Counts[row]++;
            Total++;
        }
    }
}
