using Microsoft.ML;
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
/// each slot holding its n-gram count, and the whole vector scaled to unit L2 norm.
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
    private int[] _slots = new int[2048];

    /// <summary>Creates a featurizer for validated <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public NgramFeaturizer(FeaturizerSettings settings)
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
        Dimension = settings.Dimension;
    }

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
        string normalized = $"__{outputColumn}_ct_norm";
        string words = $"__{outputColumn}_ct_words";
        string chars = $"__{outputColumn}_ct_chars";
        string charGrams = $"__{outputColumn}_ct_chargrams";
        var s = Settings;
        var text = ml.Transforms.Text;

        return text.NormalizeText(normalized, inputColumn, TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: s.KeepDiacritics, keepPunctuations: false, keepNumbers: true)
            .Append(text.ProduceHashedWordBags(words, normalized, numberOfBits: s.WordHashBits,
                ngramLength: s.WordNgramLength, skipLength: 0, useAllLengths: true, seed: s.Seed, useOrderedHashing: true))
            .Append(text.TokenizeIntoCharactersAsKeys(chars, normalized, useMarkerCharacters: true))
            .Append(text.ProduceHashedNgrams(charGrams, chars, numberOfBits: s.CharHashBits,
                ngramLength: s.CharNgramLength, skipLength: 0, useAllLengths: false, seed: s.Seed, useOrderedHashing: true))
            .Append(ml.Transforms.Concatenate(outputColumn, words, charGrams))
            .Append(ml.Transforms.NormalizeLpNorm(outputColumn, outputColumn,
                LpNormNormalizingEstimatorBase.NormFunction.L2, ensureZeroMean: false))
            .Append(ml.Transforms.DropColumns(normalized, words, chars, charGrams));
    }

    /// <summary>
    /// Computes the feature vector of <paramref name="text"/> into <paramref name="into"/>, replacing its contents.
    /// A text with nothing left after normalization (empty, only punctuation) gives an empty vector, as in ML.NET.
    /// Allocates nothing once the buffers have grown to the largest text seen.
    /// </summary>
    public void Featurize(ReadOnlySpan<char> text, FeatureVector into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset(Dimension);

        EnsureTextCapacity(text.Length + 2);
        int length = _normalizer.Normalize(text, _text.AsSpan(1, text.Length));
        if (length == 0)
            return;

        _text[0] = TextStartMarker;
        _text[length + 1] = TextEndMarker;
        ReadOnlySpan<char> normalized = _text.AsSpan(1, length);
        ReadOnlySpan<char> framed = _text.AsSpan(0, length + 2);

        // A word takes at least one character and one space, and contributes at most WordNgramLength n-grams.
        long maxSlots = (long)_wordNgramLength * ((length + 1) / 2) + framed.Length;
        EnsureSlotCapacity(maxSlots);

        int slotCount = AddWordSlots(normalized, _slots);
        slotCount += AddCharSlots(framed, _slots.AsSpan(slotCount));
        if (slotCount == 0)
            return;

        // Counting by sort and merge needs no per-call structure and leaves the slots ascending, as a VBuffer wants.
        Span<int> slots = _slots.AsSpan(0, slotCount);
        slots.Sort();
        into.EnsureCapacity(Math.Min(slotCount, Dimension));
        int current = slots[0];
        int run = 1;
        for (int i = 1; i < slots.Length; i++)
        {
            if (slots[i] == current)
            {
                run++;
                continue;
            }

            into.Append(current, run);
            current = slots[i];
            run = 1;
        }

        into.Append(current, run);
        NormalizeL2(into.Values.AsSpan(0, into.Count));
    }

    /// <summary>
    /// The feature slot of one word unigram, for relating weights back to words. The word must already be
    /// normalized (see <see cref="Normalize(string)"/>) and be a single token: non-empty, without U+0020 spaces.
    /// </summary>
    /// <exception cref="ArgumentException">The word is empty or contains a space.</exception>
    public int WordSlot(ReadOnlySpan<char> normalizedWord)
    {
        if (normalizedWord.IsEmpty || normalizedWord.Contains(' '))
            throw new ArgumentException("A word must be non-empty and contain no spaces.", nameof(normalizedWord));
        return (int)(MlNetHash.Mix(WordKey(normalizedWord)) & _wordMask);
    }

    /// <summary>The text as the featurizer sees it: lower-cased, punctuation removed, diacritics as configured.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        int length = _normalizer.Normalize(text, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="destination"/>, which must be at least as long as the
    /// text; returns how many characters were written.
    /// </summary>
    public int Normalize(ReadOnlySpan<char> text, Span<char> destination) => _normalizer.Normalize(text, destination);

    private uint WordKey(ReadOnlySpan<char> word) => (MlNetHash.HashText(_seed, word) & WordKeyMask) + 1;

    private int AddWordSlots(ReadOnlySpan<char> normalized, Span<int> slots)
    {
        uint[] keys = _wordKeys;
        int n = _wordNgramLength;
        int filled = 0;
        int count = 0;
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
                keys[n - 1] = key;
            }
            else
            {
                keys[filled++] = key;
            }

            // Every n-gram ending at this word. ML.NET enumerates them by start instead, which yields the same multiset.
            // A unigram is its key as is; a longer n-gram is the Murmur hash of its keys; both then pass the finalizer
            // again (ML.NET's ordered n-gram hashing of a single source column).
            slots[count++] = (int)(MlNetHash.Mix(key) & _wordMask);
            for (int length = 2; length <= filled; length++)
            {
                uint hash = MlNetHash.HashKeys(_seed, keys.AsSpan(filled - length, length));
                slots[count++] = (int)(MlNetHash.Mix(hash) & _wordMask);
            }
        }

        return count;
    }

    private int AddCharSlots(ReadOnlySpan<char> framed, Span<int> slots)
    {
        int offset = WordDimension;
        int n = _charNgramLength;
        int count = 0;
        if (n == 1)
        {
            // ML.NET treats length-1 n-grams as the key itself even without all lengths.
            foreach (char c in framed)
                slots[count++] = offset + (int)(MlNetHash.Mix(c) & _charMask);
            return count;
        }

        // Only full-length windows: shorter ones get no slot when all lengths are off.
        for (int start = 0; start + n <= framed.Length; start++)
        {
            uint hash = MlNetHash.HashChars(_seed, framed.Slice(start, n));
            slots[count++] = offset + (int)(MlNetHash.Mix(hash) & _charMask);
        }

        return count;
    }

    private static void NormalizeL2(Span<float> values)
    {
        // Counts are whole numbers, so summing in double is exact far beyond float's 2^24; ML.NET sums in float,
        // which differs only in the last bits of huge texts.
        double sumOfSquares = 0;
        foreach (float v in values)
            sumOfSquares += (double)v * v;
        float norm = MathF.Sqrt((float)sumOfSquares);

        // Same arithmetic as ML.NET: one float reciprocal, then a multiply per value.
        float scale = 1f;
        if (norm > 0)
            scale /= norm;
        if (scale < MinScale)
            scale = 1f;
        for (int i = 0; i < values.Length; i++)
            values[i] *= scale;
    }

    private void EnsureTextCapacity(int needed)
    {
        if (needed > _text.Length)
            _text = new char[Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * _text.Length))];
    }

    private void EnsureSlotCapacity(long needed)
    {
        if (needed > Array.MaxLength)
            throw new ArgumentException("The text is too long to featurize.", "text");
        if (needed > _slots.Length)
            _slots = new int[Math.Max((int)needed, (int)Math.Min(Array.MaxLength, 2L * _slots.Length))];
    }
}
