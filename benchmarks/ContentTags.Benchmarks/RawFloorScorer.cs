using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ContentTags.Benchmarks;

/// <summary>
/// The raw floor: the least work any hashed n-gram linear tagger must do. It splits the text on spaces, hashes word
/// unigrams and bigrams and character 4-grams with FNV-1a and a multiplicative mix (no normalization, no de-duplication,
/// no sorting, no L2 norm, no sentence windows, no result objects), and sums 15 dot products over a dense weight array of
/// the model's size and layout (the model's own weights, feature-major, one SIMD row per feature). Not thread-safe.
/// </summary>
internal sealed class RawFloorScorer
{
    private readonly float[] _weights; // [slot * _stride + tag]
    private readonly float[] _accumulator;
    private readonly int _stride;
    private readonly int _tags;
    private readonly uint _wordMask;
    private readonly int _wordSlots;
    private readonly int _charShift;

    public RawFloorScorer(ContentTagModel model)
    {
        var scorer = model.Scorer;
        var settings = model.Manifest.Featurizer;
        _stride = scorer.Stride;
        _tags = scorer.TagCount;
        _wordSlots = 1 << settings.WordHashBits;
        _wordMask = (uint)_wordSlots - 1;
        _charShift = 64 - settings.CharHashBits;
        int dimension = scorer.Dimension;
        _weights = new float[(long)dimension * _stride];
        for (int f = 0; f < dimension; f++)
            for (int t = 0; t < _tags; t++)
                _weights[(long)f * _stride + t] = scorer.Weight(f, t);
        _accumulator = new float[_stride];
    }

    /// <summary>Bytes of the dense weight array (the same as the model's).</summary>
    public long WeightBytes => (long)_weights.Length * sizeof(float);

    /// <summary>Scores the text and returns the sum of the 15 sigmoid outputs (so that nothing is optimized away).</summary>
    public float Score(string text)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(_accumulator.AsSpan());
        acc.Clear();
        ReadOnlySpan<char> s = text;

        // Words: runs between spaces; unigrams and bigrams.
        uint previous = 0;
        bool hasPrevious = false;
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ') i++;
            if (i == s.Length) break;
            uint hash = 2166136261;
            while (i < s.Length && s[i] != ' ')
            {
                hash = (hash ^ s[i]) * 16777619;
                i++;
            }
            Add(acc, (int)(Mix(hash) & _wordMask));
            if (hasPrevious) Add(acc, (int)(Mix(previous * 0x9E3779B1u ^ hash) & _wordMask));
            previous = hash;
            hasPrevious = true;
        }

        // Character 4-grams: a rolling window of four UTF-16 code units packed in a ulong.
        ulong window = 0;
        for (int j = 0; j < s.Length; j++)
        {
            window = (window << 16) | s[j];
            if (j >= 3) Add(acc, _wordSlots + (int)((window * 0x9E3779B97F4A7C15UL) >> _charShift));
        }

        float total = 0;
        for (int t = 0; t < _tags; t++) total += 1f / (1f + MathF.Exp(-_accumulator[t]));
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(Span<Vector<float>> acc, int slot)
    {
        var row = MemoryMarshal.Cast<float, Vector<float>>(_weights.AsSpan(slot * _stride, _stride));
        for (int k = 0; k < row.Length; k++) acc[k] += row[k];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
