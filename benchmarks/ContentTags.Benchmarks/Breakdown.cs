using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ContentTags.Benchmarks;

/// <summary>
/// <c>--breakdown</c>: where the time of one <see cref="ContentTagger.Tag"/> goes, stage by stage, on one thread (a
/// poor man's profile: each stage timed on its own, median of many batches), plus what-if variants of the dot-product
/// stage that show what a change in src/ would buy. Numbers are per call.
/// </summary>
internal static class Breakdown
{
    public static int Run()
    {
        var model = BenchmarkModel.Model;
        var scorer = model.Scorer;
        var featurizerSettings = model.Manifest.Featurizer;
        var scoring = model.Manifest.Scoring;
        Console.WriteLine($"Model: {BenchmarkModel.Description}");
        Console.WriteLine($"Vector<float>.Count = {Vector<float>.Count}; stride {scorer.Stride} floats ({scorer.Stride * 4} bytes) per feature row; " +
                          $"{scorer.Dimension:N0} rows = {(long)scorer.Dimension * scorer.Stride * 4 / 1e6:0.0} MB of weights");

        var weights = (float[])typeof(LinearTagScorer).GetField("_weights", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(scorer)!;
        var handle = GCHandle.Alloc(weights, GCHandleType.Pinned);
        long address = handle.AddrOfPinnedObject();
        handle.Free();
        Console.WriteLine($"The scorer's weight array starts at address mod 64 = {address % 64} (0 = every row on one cache line; otherwise every row spans two)");

        int zeroRows = 0;
        var isZero = new bool[scorer.Dimension];
        for (int f = 0; f < scorer.Dimension; f++)
        {
            bool zero = true;
            for (int t = 0; t < scorer.TagCount && zero; t++) zero = scorer.Weight(f, t) == 0;
            isZero[f] = zero;
            if (zero) zeroRows++;
        }
        Console.WriteLine($"Feature rows whose weights are all zero (every tag): {zeroRows:N0} of {scorer.Dimension:N0} ({100.0 * zeroRows / scorer.Dimension:0.0}%)");
        Console.WriteLine();

        var aligned = new WhatIfScorer(scorer, weights, isZero);
        var floor = new RawFloorScorer(model);
        var tagger = new ContentTagger(model, new ContentTaggerOptions { IncludeEvidence = true });
        var taggerNoEvidence = new ContentTagger(model, new ContentTaggerOptions { IncludeEvidence = false });

        // Every stage below runs its code well past tiered compilation's promotion to optimized code before it is timed.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 3)
        {
            foreach (string name in new[] { "short", "medium", "long" })
            {
                string text = SampleTexts.ByName(name);
                tagger.Tag(text);
                taggerNoEvidence.Tag(text);
                floor.Score(text);
            }
        }

        foreach (string name in new[] { "short", "medium", "long" })
        {
            string text = SampleTexts.ByName(name);
            var featurizer = new NgramFeaturizer(featurizerSettings);
            var features = new FeatureVector();
            var probabilities = new float[scorer.Stride];
            var sentences = new List<Range>();

            featurizer.Featurize(text, features);
            int wholeFeatures = features.Count;
            int nonZeroFeatures = 0;
            for (int i = 0; i < features.Count; i++) if (!isZero[features.Indices[i]]) nonZeroFeatures++;
            SentenceSplitter.Split(text, sentences);
            bool windows = scoring.WindowSentences > 0 && sentences.Count >= scoring.MinimumSentencesForWindows;
            int windowCount = windows ? Math.Max(0, sentences.Count - scoring.WindowSentences) + 1 : 0;
            int windowFeatures = 0;
            if (windows)
                ForEachWindow(text, sentences, scoring.WindowSentences, (start, end) => { featurizer.Featurize(text.AsSpan(start, end - start), features); windowFeatures += features.Count; });

            Console.WriteLine($"'{name}': {SampleTexts.WordCount(text)} words, {text.Length} chars, {sentences.Count} sentences, {windowCount} windows; " +
                              $"{wholeFeatures} distinct features in the whole text ({nonZeroFeatures} with a non-zero weight), {windowFeatures} more over the windows");

            featurizer.Featurize(text, features);
            var results = new List<(string Stage, (double Median, double Min) Ns)>
            {
                ("Tag (evidence on, default options)", Time(() => tagger.Tag(text))),
                ("Tag (IncludeEvidence = false)", Time(() => taggerNoEvidence.Tag(text))),
                ("  featurize whole text", Time(() => featurizer.Featurize(text, features))),
            };
            featurizer.Featurize(text, features);
            results.Add(("  score whole text (LinearTagScorer.Score)", Time(() => scorer.Score(features, probabilities))));
            results.Add(("    same, weights 64-byte aligned (what-if)", Time(() => aligned.Score(features, probabilities, skipZeroRows: false))));
            results.Add(("    same, aligned + all-zero rows skipped (what-if)", Time(() => aligned.Score(features, probabilities, skipZeroRows: true))));
            // What the sort costs, and what scoring in first-seen (unsorted) order would cost: the same slots shuffled.
            var shuffled = Shuffled(features);
            var packed = new long[features.Count];
            var scratch = new long[features.Count];
            for (int i = 0; i < features.Count; i++) packed[i] = ((long)shuffled.Indices[i] << 32) | (uint)(i + 1);
            results.Add(("    the sort inside featurize (packed slots, random order)", Time(() => { packed.CopyTo(scratch, 0); scratch.AsSpan().Sort(); })));
            results.Add(("    score with slots unsorted (what-if)", Time(() => scorer.Score(shuffled, probabilities))));
            results.Add(("  split sentences", Time(() => { sentences.Clear(); SentenceSplitter.Split(text, sentences); })));
            if (windows)
            {
                results.Add(("  featurize + score all windows", Time(() => ForEachWindow(text, sentences, scoring.WindowSentences, (start, end) =>
                {
                    featurizer.Featurize(text.AsSpan(start, end - start), features);
                    scorer.Score(features, probabilities);
                }))));
            }
            if (windows)
            {
                // The sorts those window featurizations do (each window's slots, packed as the featurizer packs them).
                var windowSlots = new List<long[]>();
                ForEachWindow(text, sentences, scoring.WindowSentences, (start, end) =>
                {
                    featurizer.Featurize(text.AsSpan(start, end - start), features);
                    var w = Shuffled(features);
                    var p = new long[w.Count];
                    for (int i = 0; i < w.Count; i++) p[i] = ((long)w.Indices[i] << 32) | (uint)(i + 1);
                    windowSlots.Add(p);
                });
                var sortScratch = new long[windowSlots.Max(p => p.Length)];
                results.Add(("    the sorts inside those window featurizations", Time(() =>
                {
                    foreach (var p in windowSlots)
                    {
                        p.CopyTo(sortScratch, 0);
                        sortScratch.AsSpan(0, p.Length).Sort();
                    }
                })));
                featurizer.Featurize(text, features);
            }
            results.Add(("Raw floor (RawFloorScorer)", Time(() => floor.Score(text))));

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-56} {1,12} {2,12}", "", "median ns", "min ns"));
            foreach (var (stage, (median, min)) in results)
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-56} {1,12:N0} {2,12:N0}", stage, median, min));
            Console.WriteLine();
        }
        // The evidence pass re-scores the whole text once per sentence for texts of up to 40 sentences: its worst case.
        var longSentences = new List<Range>();
        SentenceSplitter.Split(SampleTexts.Long, longSentences);
        foreach (int count in new[] { 20, 40, 41 })
        {
            string prefix = SampleTexts.Long[..longSentences[count - 1].End.Value];
            var on = Time(() => tagger.Tag(prefix));
            var off = Time(() => taggerNoEvidence.Tag(prefix));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "The long review's first {0} sentences ({1} words): Tag {2,12:N0} ns median with evidence, {3,10:N0} ns without; tags [{4}]",
                count, SampleTexts.WordCount(prefix), on.Median, off.Median, tagger.Tag(prefix)));
        }
        return 0;
    }

    private static FeatureVector Shuffled(FeatureVector sorted)
    {
        var order = Enumerable.Range(0, sorted.Count).ToArray();
        new Random(7).Shuffle(order);
        var copy = new FeatureVector(sorted.Count);
        for (int i = 0; i < order.Length; i++)
        {
            copy.Indices[i] = sorted.Indices[order[i]];
            copy.Values[i] = sorted.Values[order[i]];
        }
        copy.Reset(sorted.Dimension);
        copy.SetCount(sorted.Count);
        return copy;
    }

    private static void ForEachWindow(string text, List<Range> sentences, int size, Action<int, int> window)
    {
        int last = Math.Max(0, sentences.Count - size);
        for (int i = 0; i <= last; i++)
            window(sentences[i].Start.Value, sentences[Math.Min(i + size, sentences.Count) - 1].End.Value);
        _ = text;
    }

    /// <summary>Median and minimum time of one call over 25 batches of about 20 ms each, after a warm-up.</summary>
    private static (double Median, double Min) Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        int perBatch = 1;
        while (true)
        {
            clock.Restart();
            for (int i = 0; i < perBatch; i++) action();
            if (clock.Elapsed.TotalMilliseconds >= 20) break;
            perBatch *= 2;
        }
        var samples = new double[25];
        for (int s = 0; s < samples.Length; s++)
        {
            clock.Restart();
            for (int i = 0; i < perBatch; i++) action();
            samples[s] = clock.Elapsed.TotalNanoseconds / perBatch;
        }
        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[0]);
    }

    /// <summary>
    /// The scorer's dot-product stage with the weights copied to a 64-byte-aligned pinned array (so a 16-float row is
    /// one cache line), and optionally skipping rows that are zero for every tag (a 24 KB bitmap instead of a 64-byte
    /// load from a 12.6 MB array). Calibration is the same as LinearTagScorer's.
    /// </summary>
    private sealed class WhatIfScorer
    {
        private readonly float[] _buffer;
        private readonly int _offset;
        private readonly int _stride;
        private readonly int _tags;
        private readonly ulong[] _nonZero;
        private readonly float[] _bias;
        private readonly float[] _slope;
        private readonly float[] _calibrationOffset;

        public WhatIfScorer(LinearTagScorer scorer, float[] weights, bool[] isZero)
        {
            _stride = scorer.Stride;
            _tags = scorer.TagCount;
            _buffer = GC.AllocateUninitializedArray<float>(weights.Length + 16, pinned: true);
            long address = Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, 0);
            _offset = (int)((64 - address % 64) % 64 / sizeof(float));
            weights.AsSpan().CopyTo(_buffer.AsSpan(_offset));
            _nonZero = new ulong[(isZero.Length + 63) / 64];
            for (int f = 0; f < isZero.Length; f++)
                if (!isZero[f]) _nonZero[f >> 6] |= 1UL << (f & 63);
            _bias = Field(scorer, "_bias");
            _slope = Field(scorer, "_slope");
            _calibrationOffset = Field(scorer, "_offset");
        }

        private static float[] Field(LinearTagScorer scorer, string name) =>
            (float[])typeof(LinearTagScorer).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(scorer)!;

        public void Score(FeatureVector features, Span<float> probabilities, bool skipZeroRows)
        {
            var acc = MemoryMarshal.Cast<float, Vector<float>>(probabilities[.._stride]);
            acc.Clear();
            var weights = _buffer.AsSpan(_offset);
            int count = features.Count;
            var indices = features.Indices;
            var values = features.Values;
            var nonZero = _nonZero;
            for (int i = 0; i < count; i++)
            {
                int f = indices[i];
                if (skipZeroRows && (nonZero[f >> 6] & (1UL << (f & 63))) == 0) continue;
                var row = MemoryMarshal.Cast<float, Vector<float>>(weights.Slice(f * _stride, _stride));
                var v = new Vector<float>(values[i]);
                for (int k = 0; k < row.Length; k++) acc[k] += row[k] * v;
            }
            for (int t = 0; t < _tags; t++)
            {
                float score = probabilities[t] + _bias[t];
                probabilities[t] = 1f / (1f + MathF.Exp(_slope[t] * score + _calibrationOffset[t]));
            }
        }
    }
}
