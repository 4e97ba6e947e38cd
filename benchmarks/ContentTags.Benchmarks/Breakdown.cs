using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace ContentTags.Benchmarks;

/// <summary>
/// <c>--breakdown</c>: where the time of one <see cref="ContentTagger.Tag"/> goes, stage by stage, on one thread (a
/// poor man's profile: each stage timed on its own, median of many batches). Numbers are per call. The stages are the
/// ones <see cref="ContentTagger"/> runs: count the whole text's n-grams and score them; split sentences; the same count
/// gathering each sentence's part of the score (what windows and evidence use); and for evidence, the n-gram
/// occurrences of the evidence sentence.
/// </summary>
internal static class Breakdown
{
    public static int Run()
    {
        var model = BenchmarkModel.Model;
        var scorer = model.Scorer;
        var scoring = model.Manifest.Scoring;
        Console.WriteLine($"Model: {BenchmarkModel.Description}");
        Console.WriteLine($"Vector<float>.Count = {Vector<float>.Count}; stride {scorer.Stride} floats ({scorer.Stride * 4} bytes) per feature row; " +
                          $"{scorer.Dimension:N0} rows = {(long)scorer.Dimension * scorer.Stride * 4 / 1e6:0.0} MB of weights");
        Console.WriteLine();

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
            var featurizer = new NgramFeaturizer(model.Manifest.Featurizer);
            var features = new FeatureVector();
            var sums = new float[scorer.Stride];
            var sentences = new List<Range>();
            SentenceSplitter.Split(text, sentences);
            bool windows = scoring.WindowSentences > 0 && sentences.Count >= scoring.MinimumSentencesForWindows;
            featurizer.CountNgrams(text, features);
            Console.WriteLine($"'{name}': {SampleTexts.WordCount(text)} words, {text.Length} chars, {sentences.Count} sentences " +
                              $"({(windows ? "windows on" : "too few for windows")}); {features.Count} distinct features in the whole text; " +
                              $"tags [{tagger.Tag(text)}]");

            var parts = new SentenceParts(scorer);
            var occurrences = new List<NgramOccurrence>();
            var longest = sentences.MaxBy(s => s.GetOffsetAndLength(text.Length).Length);
            var source = new int[text.Length];
            var results = new List<(string Stage, (double Median, double Min) Ns)>
            {
                ("Tag (evidence on, default options)", Time(() => tagger.Tag(text))),
                ("Tag (IncludeEvidence = false)", Time(() => taggerNoEvidence.Tag(text))),
                ("  count the whole text's n-grams (CountNgrams)", Time(() => featurizer.CountNgrams(text, features))),
                ("  score them (LinearTagScorer.Dot)", Time(() => { featurizer.CountNgrams(text, features); scorer.Dot(features, sums); }, subtract: () => featurizer.CountNgrams(text, features))),
                ("  split sentences", Time(() => { sentences.Clear(); SentenceSplitter.Split(text, sentences); })),
                ("  count the whole text with each sentence's part (SentenceParts)", Time(() =>
                {
                    parts.Reset(sentences, Math.Min(scoring.WindowSentences, sentences.Count));
                    featurizer.CountNgrams(text, features, parts);
                })),
                ("  evidence: n-gram occurrences of the longest sentence", Time(() => featurizer.ListOccurrences(text.AsSpan()[longest], occurrences, source))),
                ("ML.NET-exact featurization of the whole text (sorted, scaled)", Time(() => featurizer.Featurize(text, features))),
                ("Raw floor (RawFloorScorer)", Time(() => floor.Score(text))),
            };

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-66} {1,12} {2,12}", "", "median ns", "min ns"));
            foreach (var (stage, (median, min)) in results)
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-66} {1,12:N0} {2,12:N0}", stage, median, min));
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>
    /// Median and minimum time of one call over 25 batches of about 20 ms each, after a warm-up; with
    /// <paramref name="subtract"/>, the median and minimum of that action are taken off (the stage's own share).
    /// </summary>
    private static (double Median, double Min) Time(Action action, Action? subtract = null)
    {
        var whole = Measure(action);
        if (subtract is null) return whole;
        var part = Measure(subtract);
        return (Math.Max(0, whole.Median - part.Median), Math.Max(0, whole.Min - part.Min));
    }

    private static (double Median, double Min) Measure(Action action)
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
}
