using System.Numerics;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ContentTags;

/// <summary>
/// Turns text into the model's feature vector. <see cref="CreateEstimator"/> builds the pipeline out of ML.NET's own
/// transforms, so a saved model runs in a plain ML.NET <c>PredictionEngine</c>; <see cref="Featurize"/> computes the
/// same vector (same slots, same values) without ML.NET's per-row overhead and without allocating.
/// </summary>
/// <remarks>
/// The vector is the concatenation of:
/// <list type="bullet">
/// <item><description>word n-grams of lengths 1 to <see cref="FeaturizerSettings.WordNgramLength"/>, words being the
/// runs of characters between U+0020 spaces of the normalized text (tabs and newlines are not separators in
/// ML.NET's word tokenizer), hashed into 2^<see cref="FeaturizerSettings.WordHashBits"/> slots;</description></item>
/// <item><description>character n-grams of exactly <see cref="FeaturizerSettings.CharNgramLength"/> UTF-16 code units
/// over the normalized text framed by U+0002 and U+0003, hashed into 2^<see cref="FeaturizerSettings.CharHashBits"/>
/// slots that follow the word slots;</description></item>
/// </list>
/// each slot holding its n-gram count, and the whole vector scaled to unit L2 norm; then, when the settings ask for
/// them, the static embedding as it is and the <see cref="ITextEncoder"/>'s vector scaled to
/// <see cref="FeaturizerSettings.EncoderLength"/>.
/// An instance keeps scratch buffers between calls, so it is not thread-safe: use one per thread.
/// </remarks>
internal sealed class NgramFeaturizer
{
    // ML.NET's word-bag transform first hashes each word into a 30-bit key (HashingEstimator with 30 bits, unordered),
    // and only then hashes n-grams of those keys into the requested number of bits.
    private const int WordKeyBits = 30;
    private const uint WordKeyMask = (1u << WordKeyBits) - 1;

    // ML.NET's character tokenizer frames each text with STX and ETX when marker characters are on.
    private const char TextStartMarker = '\u0002';
    private const char TextEndMarker = '\u0003';

    // ML.NET's LpNorm transform leaves a vector unscaled when the scale would fall below this.
    private const float MinScale = 1e-8f;

    private readonly MlNetTextNormalizer _normalizer;
    private readonly uint _seed;
    private readonly uint _wordMask;
    private readonly uint _charMask;
    private readonly int _wordNgramLength;
    private readonly int _charNgramLength;
    private readonly uint[] _wordKeys;

    // The normalized text at [1, length], with the start marker before it and the end marker after it.
    private char[] _text = new char[1024];

    // The text with its negations marked, when the settings ask for it.
    private char[] _marked = new char[256];

    // The chunk half of the Murmur round for each character of the framed text.
    private uint[] _charChunks = new uint[1024];

    // Slot counts of the current text: an open-addressing table (slot + 1 as key, 0 = empty) whose used positions are
    // listed so that clearing costs only what was touched. Only a power-of-two prefix sized for the current text is
    // probed, so a small text stays in cache after a huge one grew the arrays.
    private int[] _tableKeys = new int[4096];
    private int[] _tableCounts = new int[4096];
    private int[] _tablePositions = new int[2048];
    private long[] _sortBuffer = new long[2048];
    private int _tableMask;
    private int _distinct;

    /// <summary>
    /// Creates a featurizer for validated <paramref name="settings"/>; <paramref name="encoder"/> is the encoder that
    /// <see cref="FeaturizerSettings.Encoder"/> names (required then, ignored otherwise).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The settings name an encoder and <paramref name="encoder"/> is missing or another one.</exception>
    public NgramFeaturizer(FeaturizerSettings settings, ITextEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
        _normalizer = MlNetTextNormalizer.Get(settings.KeepDiacritics);
        _seed = settings.Seed;
        _wordMask = (1u << settings.WordHashBits) - 1;
        _charMask = (1u << settings.CharHashBits) - 1;
        _wordNgramLength = settings.WordNgramLength;
        _charNgramLength = settings.CharNgramLength;
        _wordKeys = new uint[settings.WordNgramLength];
        WordDimension = 1 << settings.WordHashBits;
        NgramDimension = settings.NgramDimension;
        Dimension = settings.Dimension;
        if (settings.StaticEmbeddings) _embedding = new float[ContentTags.StaticEmbeddings.Dimension];
        if (settings.Encoder is not null)
        {
            if (encoder is null || encoder.Id != settings.Encoder || encoder.Dimension != settings.EncoderDimension)
                throw new ArgumentException(
                    $"The settings need the text encoder '{settings.Encoder}' ({settings.EncoderDimension} values), but {(encoder is null ? "none was given" : $"'{encoder.Id}' ({encoder.Dimension} values) was given")}.",
                    nameof(encoder));
            _encoder = encoder;
            _encoded = new float[encoder.Dimension];
            EncoderOffset = Dimension - encoder.Dimension;
        }
    }

    // The text encoder and its output buffer, when the settings name one; its slots start at EncoderOffset.
    private readonly ITextEncoder? _encoder;
    private readonly float[]? _encoded;

    /// <summary>Where the encoder's slots start (the end of the n-gram and static embedding slots).</summary>
    public int EncoderOffset { get; }

    // The text's static embedding, appended after the n-gram slots when the settings ask for it.
    private readonly float[]? _embedding;

    /// <summary>How many slots the n-grams take; embedding slots (if any) start here.</summary>
    public int NgramDimension { get; }

    /// <summary>The settings this featurizer reproduces.</summary>
    public FeaturizerSettings Settings { get; }

    /// <summary>The length of the feature vector.</summary>
    public int Dimension { get; }

    /// <summary>How many slots the word n-grams take; character n-gram slots start here.</summary>
    public int WordDimension { get; }

    /// <summary>
    /// Builds the ML.NET pipeline that computes the same vector as <see cref="Featurize"/>: text in
    /// <paramref name="inputColumn"/>, a known-size <c>float</c> vector of <see cref="Dimension"/> slots in
    /// <paramref name="outputColumn"/>. Intermediate columns are dropped at the end.
    /// </summary>
    public IEstimator<ITransformer> CreateEstimator(MLContext ml, string inputColumn, string outputColumn)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumn);

        // Named after the output so that two featurizers can share a pipeline.
        string marked = $"__{outputColumn}_ct_marked";
        string normalized = $"__{outputColumn}_ct_norm";
        string words = $"__{outputColumn}_ct_words";
        string chars = $"__{outputColumn}_ct_chars";
        string charGrams = $"__{outputColumn}_ct_chargrams";
        string ngrams = $"__{outputColumn}_ct_ngrams";
        string encoded = $"__{outputColumn}_ct_encoded";
        var s = Settings;
        var text = ml.Transforms.Text;
        var dropped = new List<string> { normalized, words, chars, charGrams };

        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        string ngramSource = inputColumn;
        if (s.MarkNegation)
        {
            chain = chain.Append(NegationMarker.CreateEstimator(ml, inputColumn, marked));
            ngramSource = marked;
            dropped.Add(marked);
        }
        chain = chain.Append(text.NormalizeText(normalized, ngramSource, TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: s.KeepDiacritics, keepPunctuations: false, keepNumbers: true))
            .Append(text.ProduceHashedWordBags(words, normalized, numberOfBits: s.WordHashBits,
                ngramLength: s.WordNgramLength, skipLength: 0, useAllLengths: true, seed: s.Seed, useOrderedHashing: true))
            .Append(text.TokenizeIntoCharactersAsKeys(chars, normalized, useMarkerCharacters: true))
            .Append(text.ProduceHashedNgrams(charGrams, chars, numberOfBits: s.CharHashBits,
                ngramLength: s.CharNgramLength, skipLength: 0, useAllLengths: false, seed: s.Seed, useOrderedHashing: true))
            .Append(ml.Transforms.Concatenate(ngrams, words, charGrams))
            .Append(ml.Transforms.NormalizeLpNorm(ngrams, ngrams,
                LpNormNormalizingEstimatorBase.NormFunction.L2, ensureZeroMean: false));

        // Dense blocks (from the original text, not the marked one) follow the unit-length n-grams: the static table
        // unscaled, the encoder's block scaled to its own length (global contrast normalization without centring is
        // exactly "L2-normalize, then multiply by the scale").
        var blocks = new List<string> { ngrams };
        if (s.StaticEmbeddings)
        {
            chain = chain.Append(ContentTags.StaticEmbeddings.CreateEstimator(ml, inputColumn));
            blocks.Add(ContentTags.StaticEmbeddings.OutputColumn);
            dropped.AddRange([ContentTags.StaticEmbeddings.InputColumn, ContentTags.StaticEmbeddings.OutputColumn]);
        }
        if (_encoder is not null)
        {
            chain = chain.Append(_encoder.CreateEstimator(ml, inputColumn, encoded))
                .Append(ml.Transforms.NormalizeGlobalContrast(encoded, encoded, ensureZeroMean: false, ensureUnitStandardDeviation: false, scale: s.EncoderLength));
            blocks.Add(encoded);
            dropped.Add(encoded);
        }
        dropped.Add(ngrams);
        return chain.Append<ITransformer>(blocks.Count == 1
                ? ml.Transforms.CopyColumns(outputColumn, ngrams)
                : ml.Transforms.Concatenate(outputColumn, blocks.ToArray()))
            .Append(ml.Transforms.DropColumns(dropped.ToArray()));
    }

    /// <summary>
    /// Computes the feature vector of <paramref name="text"/> into <paramref name="into"/>, replacing its contents:
    /// exactly ML.NET's vector (ascending slots, unit L2 norm, then the embedding if the settings have one).
    /// A text with nothing left after normalization (empty, only punctuation) gives an empty n-gram block, as in ML.NET.
    /// Allocates nothing once the buffers have grown to the largest text seen.
    /// </summary>
    public void Featurize(ReadOnlySpan<char> text, FeatureVector into)
    {
        ArgumentNullException.ThrowIfNull(into);
        double sumOfSquares = CountNgrams(text, into);
        into.SetDimension(Dimension);
        SortBySlot(into);
        Scale(into.Values.AsSpan(0, into.Count), L2Scale(sumOfSquares));
        if (HasEmbedding)
            AppendEmbedding(text, into);
    }

    private void AppendEncoded(ReadOnlySpan<char> text, FeatureVector into)
    {
        // As for the static embedding: explicit zeros stay out, as ML.NET's concatenation leaves them out.
        Span<float> encoded = _encoded!;
        _encoder!.Encode(text, encoded);
        double sumOfSquares = 0;
        foreach (float v in encoded)
            sumOfSquares += (double)v * v;
        float norm = MathF.Sqrt((float)sumOfSquares);
        float scale = norm > 0 && float.IsFinite(norm) ? Settings.EncoderLength / norm : 0f;
        into.EnsureCapacity(into.Count + encoded.Length);
        for (int d = 0; d < encoded.Length; d++)
            if (encoded[d] != 0f && scale != 0f) into.Append(EncoderOffset + d, encoded[d] * scale);
    }

    /// <summary>
    /// The n-gram slots of <paramref name="text"/> with their raw counts, in no particular order, into
    /// <paramref name="into"/>: the scorer's input, which needs neither ML.NET's slot order nor the vector scaled
    /// (a linear score of the unit vector is the score of the counts divided by their norm). An
    /// <paramref name="observer"/> also sees every occurrence, in the same pass.
    /// </summary>
    /// <returns>The sum of the squared counts (the squared L2 norm of the n-gram block).</returns>
    public double CountNgrams(ReadOnlySpan<char> text, FeatureVector into, IOccurrenceObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset(NgramDimension);
        var sourceIndex = observer is null ? default : observer.SourceIndexBuffer(text.Length).AsSpan(0, text.Length);
        int length = NormalizeIntoBuffer(text, sourceIndex);
        PrepareTable(MaxSlots(length));
        observer?.Begin(length, _tableMask + 1);
        if (length == 0) return 0;

        if (observer is null)
        {
            var sink = new CountingSink(this);
            AddWordSlots(_text.AsSpan(1, length), ref sink);
            AddCharSlots(_text.AsSpan(0, length + 2), ref sink);
        }
        else
        {
            var sink = new ObservedSink(this, observer);
            AddWordSlots(_text.AsSpan(1, length), ref sink);
            observer.NextPass();
            AddCharSlots(_text.AsSpan(0, length + 2), ref sink);
        }

        int distinct = _distinct;
        into.EnsureCapacity(distinct);
        int[] indices = into.Indices;
        float[] values = into.Values;
        long sumOfSquares = 0;
        for (int i = 0; i < distinct; i++)
        {
            int position = _tablePositions[i];
            int count = _tableCounts[position];
            indices[i] = _tableKeys[position] - 1;
            values[i] = count;
            sumOfSquares += (long)count * count;
            _tableKeys[position] = 0;
        }
        _distinct = 0;
        into.SetCount(distinct);
        return sumOfSquares;
    }

    /// <summary>
    /// Every n-gram occurrence of <paramref name="text"/> with the span of normalized text it covers, for explaining a
    /// score word by word; <paramref name="sourceIndex"/> receives, for each normalized character, the index in
    /// <paramref name="text"/> it came from (it must be at least as long as the text).
    /// </summary>
    /// <returns>The length of the normalized text; the words are its runs of non-space characters.</returns>
    public int ListOccurrences(ReadOnlySpan<char> text, List<NgramOccurrence> into, Span<int> sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        int length = NormalizeIntoBuffer(text, sourceIndex);
        if (length == 0) return 0;
        var sink = new ListingSink(into, length);
        AddWordSlots(_text.AsSpan(1, length), ref sink);
        AddCharSlots(_text.AsSpan(0, length + 2), ref sink);
        return length;
    }

    /// <summary>The normalized text of the last <see cref="ListOccurrences"/> call (valid until the next call).</summary>
    public ReadOnlySpan<char> LastNormalized(int length) => _text.AsSpan(1, length);

    /// <summary>Whether the settings add dense blocks after the n-gram slots: the static embedding, an encoder's vector, or both.</summary>
    public bool HasEmbedding => _embedding is not null || _encoder is not null;

    /// <summary>
    /// Appends the text's dense blocks (slots from <see cref="NgramDimension"/> on: the static embedding, then the
    /// encoder's vector) to <paramref name="into"/>.
    /// </summary>
    public void AppendEmbedding(ReadOnlySpan<char> text, FeatureVector into)
    {
        if (_embedding is not null) AppendStaticEmbedding(text, into);
        if (_encoder is not null) AppendEncoded(text, into);
    }

    private void AppendStaticEmbedding(ReadOnlySpan<char> text, FeatureVector into)
    {
        // ML.NET's concatenation keeps the embedding's explicit zeros out of the sparse vector, so skip them here too.
        ContentTags.StaticEmbeddings.Embedder.Embed(text, _embedding);
        into.EnsureCapacity(into.Count + _embedding!.Length);
        for (int d = 0; d < _embedding.Length; d++)
            if (_embedding[d] != 0f) into.Append(NgramDimension + d, _embedding[d] * ContentTags.StaticEmbeddings.Scale);
    }

    /// <summary>The factor ML.NET's LpNorm transform scales a vector by, given its sum of squares.</summary>
    public static float L2Scale(double sumOfSquares)
    {
        // Same arithmetic as ML.NET: the float norm, one float reciprocal (then a multiply per value).
        float norm = MathF.Sqrt((float)sumOfSquares);
        float scale = 1f;
        if (norm > 0)
            scale /= norm;
        return scale < MinScale ? 1f : scale;
    }

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="destination"/>, which must be at least as long as the
    /// text; returns how many characters were written.
    /// </summary>
    public int Normalize(ReadOnlySpan<char> text, Span<char> destination) => _normalizer.Normalize(text, destination, default);

    /// <summary>The text as the featurizer sees it: lower-cased, punctuation removed, diacritics as configured.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    // The normalized text goes to _text[1..], framed by the markers ML.NET's character tokenizer adds.
    private int NormalizeIntoBuffer(ReadOnlySpan<char> text, Span<int> sourceIndex)
    {
        EnsureTextCapacity(text.Length + 2);
        if (Settings.MarkNegation)
        {
            // Marking keeps every character's position, so the source index still points into the caller's text.
            ScratchBuffers.EnsureLength(ref _marked, text.Length);
            NegationMarker.Mark(text, _marked);
            text = _marked.AsSpan(0, text.Length);
        }
        int length = _normalizer.Normalize(text, _text.AsSpan(1, text.Length), sourceIndex);
        _text[0] = TextStartMarker;
        _text[length + 1] = TextEndMarker;
        return length;
    }

    // A word takes at least one character and one space, and contributes at most WordNgramLength n-grams.
    private int MaxSlots(int length) =>
        (int)Math.Min((long)_wordNgramLength * ((length + 1) / 2) + length + 2, NgramDimension);

    // Ascending slots, as a VBuffer wants. Packing the count under the slot lets one primitive sort order both, which
    // is about twice as fast as sorting two spans.
    private void SortBySlot(FeatureVector vector)
    {
        int count = vector.Count;
        if (_sortBuffer.Length < count) _sortBuffer = new long[Math.Max(count, 2 * _sortBuffer.Length)];
        Span<long> packed = _sortBuffer.AsSpan(0, count);
        int[] indices = vector.Indices;
        float[] values = vector.Values;
        for (int i = 0; i < count; i++)
            packed[i] = ((long)indices[i] << 32) | (uint)values[i];
        packed.Sort();
        for (int i = 0; i < count; i++)
        {
            indices[i] = (int)(packed[i] >> 32);
            values[i] = (uint)packed[i];
        }
    }

    private static void Scale(Span<float> values, float scale)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] *= scale;
    }

    private uint WordKey(ReadOnlySpan<char> word) => (MlNetHash.HashText(_seed, word) & WordKeyMask) + 1;

    /// <summary>Where n-gram occurrences go: counted into the slot table, or listed with their spans.</summary>
    private interface ISlotSink
    {
        /// <param name="slot">The feature slot.</param>
        /// <param name="start">The first normalized character the n-gram covers (-1 for the start marker).</param>
        /// <param name="end">One past the last normalized character it covers.</param>
        void Add(int slot, int start, int end);
    }

    private readonly struct CountingSink(NgramFeaturizer owner) : ISlotSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int slot, int start, int end) => _ = owner.Count(slot);
    }

    private readonly struct ObservedSink(NgramFeaturizer owner, IOccurrenceObserver observer) : ISlotSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int slot, int start, int end)
        {
            int position = owner.Count(slot);
            observer.Add(slot, end, position, owner._tableCounts[position] == 1);
        }
    }

    private readonly struct ListingSink(List<NgramOccurrence> list, int length) : ISlotSink
    {
        public void Add(int slot, int start, int end) =>
            list.Add(new NgramOccurrence(slot, Math.Max(0, start), Math.Min(length, end)));
    }

    private void AddWordSlots<TSink>(ReadOnlySpan<char> normalized, ref TSink sink) where TSink : struct, ISlotSink
    {
        uint[] keys = _wordKeys;
        Span<int> starts = stackalloc int[keys.Length];
        int n = _wordNgramLength;
        int filled = 0;
        int i = 0;
        while (i < normalized.Length)
        {
            if (normalized[i] == ' ')
            {
                i++;
                continue;
            }

            int start = i;
            while (i < normalized.Length && normalized[i] != ' ')
                i++;
            uint key = WordKey(normalized[start..i]);

            if (filled == n)
            {
                keys.AsSpan(1).CopyTo(keys);
                starts[1..].CopyTo(starts);
                keys[n - 1] = key;
                starts[n - 1] = start;
            }
            else
            {
                starts[filled] = start;
                keys[filled++] = key;
            }

            // Every n-gram ending at this word. ML.NET enumerates them by start instead, which yields the same multiset.
            // A unigram is its key as is; a longer n-gram is the Murmur hash of its keys; both then pass the finalizer
            // again (ML.NET's ordered n-gram hashing of a single source column).
            sink.Add((int)(MlNetHash.Mix(key) & _wordMask), start, i);
            for (int length = 2; length <= filled; length++)
            {
                uint hash = MlNetHash.HashKeys(_seed, keys.AsSpan(filled - length, length));
                sink.Add((int)(MlNetHash.Mix(hash) & _wordMask), starts[filled - length], i);
            }
        }
    }

    // Character n-gram starting at framed position p covers normalized characters [p - 1, p - 1 + n).
    private void AddCharSlots<TSink>(ReadOnlySpan<char> framed, ref TSink sink) where TSink : struct, ISlotSink
    {
        int offset = WordDimension;
        uint mask = _charMask;
        int n = _charNgramLength;
        if (n == 1)
        {
            // ML.NET treats length-1 n-grams as the key itself even without all lengths.
            for (int p = 0; p < framed.Length; p++)
                sink.Add(offset + (int)(MlNetHash.Mix(framed[p]) & mask), p - 1, p);
            return;
        }

        // Only full-length windows: shorter ones get no slot when all lengths are off.
        int windows = framed.Length - n + 1;
        if (windows <= 0)
            return;

        // ML.NET's character tokenizer makes the UTF-16 code unit itself the key (no +1: NUL becomes the "missing" key 0,
        // which n-gram hashing still hashes as 0). Each character is in n windows, so its half of the round is done once.
        ScratchBuffers.EnsureLength(ref _charChunks, framed.Length);
        Span<uint> chunks = _charChunks.AsSpan(0, framed.Length);
        for (int i = 0; i < framed.Length; i++)
            chunks[i] = MlNetHash.MixChunk(framed[i]);
        uint lengthChunk = MlNetHash.MixChunk((uint)n);

        int start = 0;
        int width = Vector<uint>.Count;
        if (Vector.IsHardwareAccelerated && windows >= width)
        {
            // The hashes of consecutive windows are independent, so one vector lane computes one window.
            Span<uint> lanes = stackalloc uint[width];
            var seed = new Vector<uint>(_seed);
            var length = new Vector<uint>(lengthChunk);
            var maskVector = new Vector<uint>(mask);
            for (; start + width <= windows; start += width)
            {
                var hash = seed;
                for (int j = 0; j < n; j++)
                    hash = MlNetHash.RoundMixed(hash, new Vector<uint>(chunks.Slice(start + j, width)));
                hash = MlNetHash.RoundMixed(hash, length);
                // The n-gram hash's own finalizer, then the one ML.NET's ordered n-gram hashing adds.
                (MlNetHash.Mix(MlNetHash.Mix(hash)) & maskVector).CopyTo(lanes);
                for (int lane = 0; lane < lanes.Length; lane++)
                    sink.Add(offset + (int)lanes[lane], start + lane - 1, start + lane - 1 + n);
            }
        }

        for (; start < windows; start++)
        {
            uint hash = _seed;
            for (int j = 0; j < n; j++)
                hash = MlNetHash.RoundMixed(hash, chunks[start + j]);
            hash = MlNetHash.RoundMixed(hash, lengthChunk);
            sink.Add(offset + (int)(MlNetHash.Mix(MlNetHash.Mix(hash)) & mask), start - 1, start - 1 + n);
        }
    }

    private void PrepareTable(int maxDistinct)
    {
        // Normally empty here; not so only if a previous call died half-way (out of memory while growing a buffer).
        for (int i = 0; i < _distinct; i++)
            _tableKeys[_tablePositions[i]] = 0;
        _distinct = 0;

        // Load factor at most one half keeps linear probing short.
        int capacity = (int)Math.Min(1 << 30, BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, 2 * maxDistinct)));
        if (capacity > _tableKeys.Length)
        {
            _tableKeys = new int[capacity];
            _tableCounts = new int[capacity];
        }

        ScratchBuffers.EnsureLength(ref _tablePositions, maxDistinct);

        _tableMask = capacity - 1;
    }

    /// <returns>The slot's position in the table (stable for the rest of the text).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Count(int slot)
    {
        int key = slot + 1;
        int[] keys = _tableKeys;
        int position = (int)((uint)slot * 0x9E3779B1u) & _tableMask;
        while (true)
        {
            int existing = keys[position];
            if (existing == key)
            {
                _tableCounts[position]++;
                return position;
            }

            if (existing == 0)
            {
                keys[position] = key;
                _tableCounts[position] = 1;
                _tablePositions[_distinct++] = position;
                return position;
            }

            position = (position + 1) & _tableMask;
        }
    }

    private void EnsureTextCapacity(int needed) => ScratchBuffers.EnsureLength(ref _text, needed);

}
