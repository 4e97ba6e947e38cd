using System.Runtime.CompilerServices;

namespace ContentTags;

/// <summary>
/// Tags texts with a trained <see cref="ContentTagModel"/>. Thread-safe: one instance serves any number of threads,
/// each with its own scratch buffers, so create it once (or register it as a singleton) and share it.
/// </summary>
/// <remarks>
/// Tagging does not go through ML.NET's row machinery: the model's own featurizer settings and linear weights are
/// applied directly (see docs/performance.md), with results equal to ML.NET's within 1e-4.
/// </remarks>
public sealed class ContentTagger
{
    /// <summary>The name of the embedded default model resource.</summary>
    internal const string DefaultModelResource = "ContentTags.default-model.zip";

    private static readonly Lazy<ContentTagger> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ContentTagModel _model;
    private readonly ContentTaggerOptions _options;
    private readonly float[] _thresholds;
    private readonly string[] _ids;
    private readonly ThreadLocal<Scratch> _scratch;

    /// <summary>Creates a tagger over a model.</summary>
    public ContentTagger(ContentTagModel model, ContentTaggerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _options = options ?? new ContentTaggerOptions();
        if (_options.Threshold is float t && (float.IsNaN(t) || t < 0 || t > 1))
            throw new ArgumentOutOfRangeException(nameof(options), "Threshold must be between 0 and 1.");
        if (_options.MaxTextLength < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxTextLength must be positive.");
        _thresholds = _options.Threshold is float one ? Enumerable.Repeat(one, model.Taxonomy.Count).ToArray() : model.Thresholds;
        _ids = model.Taxonomy.Ids.ToArray();
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(model.Manifest.Featurizer, model.Encoder, model.Scorer));
    }

    /// <summary>
    /// The tagger over the model that ships inside this package (trained from the project's own labeled corpus, with the
    /// 15 built-in tags). Loaded once, on first use.
    /// </summary>
    public static ContentTagger Default => s_default.Value;

    /// <summary>Loads a model file and creates a tagger over it.</summary>
    /// <exception cref="ModelFormatException">The file is not a usable ContentTags model.</exception>
    public static ContentTagger Load(string modelPath, ContentTaggerOptions? options = null) =>
        new(ContentTagModel.Load(modelPath), options);

    /// <summary>The model this tagger runs.</summary>
    public ContentTagModel Model => _model;

    /// <summary>The tags this tagger can give, in order.</summary>
    public TagTaxonomy Taxonomy => _model.Taxonomy;

    /// <summary>Tags one text.</summary>
    /// <param name="text">Any text; empty or white space gives no tags. Invalid UTF-16, control characters and very long texts are handled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ContentTagResult Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = _scratch.Value!;
        var span = Clip(text);
        if (!Score(span, scratch, withParts: _options.IncludeEvidence))
            return Empty();
        var probabilities = scratch.Probabilities;

        int fired = 0;
        var scores = new TagScore[_ids.Length];
        for (int t = 0; t < _ids.Length; t++)
        {
            scores[t] = new TagScore(_ids[t], probabilities[t], _thresholds[t]);
            if (probabilities[t] >= _thresholds[t]) fired++;
        }
        if (fired == 0) return new ContentTagResult([], scores, []);

        var tags = new string[fired];
        for (int t = 0, k = 0; t < _ids.Length; t++)
            if (scores[t].IsTagged) tags[k++] = _ids[t];
        var evidence = _options.IncludeEvidence ? FindEvidence(text, span, scores, scratch) : [];
        return new ContentTagResult(tags, scores, evidence);
    }

    /// <summary>Tags many texts on all cores; results are in input order.</summary>
    public IReadOnlyList<ContentTagResult> TagMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var input = texts as IReadOnlyList<string> ?? texts.ToArray();
        var results = new ContentTagResult[input.Count];
        Parallel.For(0, input.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Tag(input[i]));
        return results;
    }

    /// <summary>
    /// Tags a stream of texts, in batches on all cores, yielding results in input order as they are ready. Memory stays
    /// flat however long the stream is.
    /// </summary>
    public async IAsyncEnumerable<ContentTagResult> TagManyAsync(IAsyncEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        const int BatchSize = 256;
        var batch = new List<string>(BatchSize);
        await foreach (var text in texts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            batch.Add(text);
            if (batch.Count < BatchSize) continue;
            foreach (var r in await Task.Run(() => TagMany(batch, cancellationToken), cancellationToken).ConfigureAwait(false))
                yield return r;
            batch.Clear();
        }
        if (batch.Count > 0)
            foreach (var r in TagMany(batch, cancellationToken))
                yield return r;
    }

    /// <summary>This tagger with evidence switched on or off, everything else equal (so bulk paths skip work they discard).</summary>
    internal ContentTagger WithEvidence(bool include) =>
        _options.IncludeEvidence == include ? this : new ContentTagger(_model, new ContentTaggerOptions
        {
            Threshold = _options.Threshold, IncludeEvidence = include, EvidenceWords = _options.EvidenceWords, MaxTextLength = _options.MaxTextLength,
        });

    /// <summary>Writes the combined (whole text and sentence windows) probability of each tag; used by training to tune thresholds.</summary>
    internal void ScoreProbabilities(string text, Span<float> probabilities)
    {
        var scratch = _scratch.Value!;
        if (!Score(Clip(text), scratch, withParts: false))
            probabilities[.._ids.Length].Clear();
        else
            scratch.Probabilities.AsSpan(0, _ids.Length).CopyTo(probabilities);
    }

    /// <summary>The whole-text probabilities only, exactly what the ML.NET pipeline computes.</summary>
    internal void ScoreWholeText(string text, Span<float> probabilities)
    {
        var scratch = _scratch.Value!;
        ScoreWhole(Clip(text), scratch);
        scratch.Probabilities.AsSpan(0, _ids.Length).CopyTo(probabilities);
    }

    private ReadOnlySpan<char> Clip(string text) => text.AsSpan(0, Math.Min(text.Length, _options.MaxTextLength));

    /// <summary>
    /// Scores the text into <c>scratch.Probabilities</c>: the whole text (exactly as ML.NET would), raised by any window of
    /// consecutive sentences that reaches the window gate. Windows are scored from the sentences' parts of the whole
    /// text's score (<see cref="SentenceParts"/>), gathered in the same featurization pass, so a text is featurized once
    /// however many windows it has; <paramref name="withParts"/> gathers them for the evidence too.
    /// </summary>
    /// <returns>False when the text has nothing to score (empty or white space).</returns>
    private bool Score(ReadOnlySpan<char> text, Scratch scratch, bool withParts)
    {
        if (text.IsWhiteSpace()) return false;
        var scoring = _model.Manifest.Scoring;
        var sentences = scratch.Sentences;
        sentences.Clear();
        SentenceSplitter.Split(text, sentences);
        int width = Math.Min(scoring.WindowSentences, sentences.Count);
        bool windows = width > 0 && sentences.Count >= scoring.MinimumSentencesForWindows;
        if (!windows && !(withParts && sentences.Count > 1))
        {
            ScoreWhole(text, scratch);
            return true;
        }

        // One pass: the whole text's counts, and each sentence's part of its score.
        var parts = scratch.Parts;
        parts.Reset(sentences, windows ? width : 1);
        var scorer = _model.Scorer;
        double sumOfSquares = scratch.Featurizer.CountNgrams(text, scratch.Features, parts);
        var probabilities = scratch.Probabilities.AsSpan();
        probabilities.Clear();
        for (int i = 0; i < sentences.Count; i++) AddTo(probabilities, parts.DotsOf(i));
        FinishWhole(text, scratch, sumOfSquares);
        if (!windows) return true;

        var window = scratch.Window.AsSpan();
        // A dense block is computed per window; an encoder such as the accurate tier's costs milliseconds a sentence,
        // so with one only the first windows are scored and a huge text stays bounded (the whole text still counts).
        int windowCount = sentences.Count - width + 1;
        if (scratch.Featurizer.HasEmbedding) windowCount = Math.Min(windowCount, MaxDenseWindows);
        for (int i = 0; i < windowCount; i++)
        {
            window.Clear();
            for (int j = i; j < i + width; j++) AddTo(window, parts.DotsOf(j));
            Multiply(window, NgramFeaturizer.L2Scale(parts.WindowSumOfSquares(i, width)));
            AddEmbeddingDots(text[sentences[i].Start.Value..sentences[i + width - 1].End.Value], scratch, window);
            scorer.Calibrate(window);
            for (int t = 0; t < _ids.Length; t++)
                if (window[t] > probabilities[t] && window[t] >= scoring.WindowMinimumProbability) probabilities[t] = window[t];
        }
        return true;
    }

    /// <summary>How many windows a model with a dense block (static table or text encoder) scores at most.</summary>
    internal const int MaxDenseWindows = 64;

    /// <summary>The whole text's probabilities into <c>scratch.Probabilities</c>, its dot products and scale kept for the evidence.</summary>
    private void ScoreWhole(ReadOnlySpan<char> text, Scratch scratch)
    {
        double sumOfSquares = scratch.Featurizer.CountNgrams(text, scratch.Features);
        _model.Scorer.Dot(scratch.Features, scratch.Probabilities);
        FinishWhole(text, scratch, sumOfSquares);
    }

    // From the n-gram block's raw dot products (in scratch.Probabilities) to the whole text's probabilities.
    private void FinishWhole(ReadOnlySpan<char> text, Scratch scratch, double sumOfSquares)
    {
        var probabilities = scratch.Probabilities.AsSpan();
        scratch.WholeScale = NgramFeaturizer.L2Scale(sumOfSquares);
        Multiply(probabilities, scratch.WholeScale);
        AddEmbeddingDots(text, scratch, probabilities);
        probabilities.CopyTo(scratch.WholeDots);
        _model.Scorer.Calibrate(probabilities);
    }

    // Models with an embedding block: its dot products, added to the n-gram block's (which alone is scaled to unit length).
    private void AddEmbeddingDots(ReadOnlySpan<char> text, Scratch scratch, Span<float> sums)
    {
        if (!scratch.Featurizer.HasEmbedding) return;
        scratch.Embedding.Reset(_model.Scorer.Dimension);
        scratch.Featurizer.AppendEmbedding(text, scratch.Embedding);
        _model.Scorer.Dot(scratch.Embedding, scratch.Work);
        AddTo(sums, scratch.Work.AsSpan(0, sums.Length));
    }

    private static void AddTo(Span<float> sums, ReadOnlySpan<float> values)
    {
        for (int t = 0; t < sums.Length; t++) sums[t] += values[t];
    }

    private static void Multiply(Span<float> values, float factor)
    {
        for (int t = 0; t < values.Length; t++) values[t] *= factor;
    }

    /// <summary>
    /// For each fired tag, the sentence that carries it: the sentence's own probability plus how much the text's
    /// probability falls when that sentence's n-grams are taken out of its score (the model is linear, so a sentence's
    /// share of the score is the dot product of its own counts, at the whole text's scale). A sentence's own score
    /// alone is noisy for short sentences ("The bride survives." can look violent); the share alone favours long ones.
    /// </summary>
    private TagEvidence[] FindEvidence(string text, ReadOnlySpan<char> span, TagScore[] scores, Scratch scratch)
    {
        var sentences = scratch.Sentences;
        var scorer = _model.Scorer;
        int stride = scorer.Stride;
        // Working lists live in the thread's scratch, so a call allocates only the evidence it returns.
        var fired = scratch.Fired;
        fired.Clear();
        for (int t = 0; t < scores.Length; t++) if (scores[t].IsTagged) fired.Add(t);

        var best = scratch.Best;
        if (sentences.Count <= 1)
        {
            var whole = sentences.Count == 1 ? sentences[0] : new Range(0, span.Length);
            if (sentences.Count == 0) sentences.Add(whole);
            for (int k = 0; k < fired.Count; k++) best[k] = (0, 0f, scores[fired[k]].Probability);
        }
        else
        {
            Array.Fill(best, (-1, float.NegativeInfinity, 0f), 0, fired.Count);
            var alone = scratch.Window.AsSpan();
            var parts = scratch.Parts;
            var wholeProbability = scratch.WholeProbabilities;
            for (int k = 0; k < fired.Count; k++) wholeProbability[k] = scorer.Probability(fired[k], scratch.WholeDots[fired[k]]);
            // Past MaxDenseWindows sentences a dense block is left out of every sentence's own score, for the same bound.
            bool dense = sentences.Count <= MaxDenseWindows;
            for (int i = 0; i < sentences.Count; i++)
            {
                var dots = parts.DotsOf(i);
                dots.CopyTo(alone);
                Multiply(alone, NgramFeaturizer.L2Scale(parts.SumOfSquares[i]));
                if (dense) AddEmbeddingDots(span[sentences[i]], scratch, alone);
                for (int k = 0; k < fired.Count; k++)
                {
                    int t = fired[k];
                    float own = scorer.Probability(t, alone[t]);
                    float without = scorer.Probability(t, scratch.WholeDots[t] - dots[t] * scratch.WholeScale);
                    float score = own + (wholeProbability[k] - without);
                    if (score > best[k].Score) best[k] = (i, score, own);
                }
            }
        }

        // Tags that share a sentence share one pass over its words.
        var evidence = new TagEvidence[fired.Count];
        var words = scratch.Words;
        Array.Clear(words);
        for (int k = 0; k < fired.Count; k++)
        {
            int i = best[k].Sentence;
            if (words[k] is null) TopWords(text, sentences[i], fired, best, i, scratch);
            var (offset, length) = sentences[i].GetOffsetAndLength(span.Length);
            // Tags evidenced by the same sentence share its string.
            string? sentence = null;
            for (int j = 0; j < k && sentence is null; j++) if (best[j].Sentence == i) sentence = evidence[j].Sentence;
            sentence ??= text.Substring(offset, length);
            evidence[k] = new TagEvidence(_ids[fired[k]], sentence, offset, length, words[k]!, best[k].Alone);
        }
        return evidence;
    }

    /// <summary>
    /// The words of a sentence that add most to each tag whose evidence it is: every n-gram occurrence (word, word pair,
    /// character n-gram) shares its weight among the words it covers, by how many of its characters each one holds, so a
    /// word's share includes the phrases and spellings it is part of, not only its own weight. Words are returned as
    /// written in the text, into <c>scratch.Words</c> for every fired tag whose evidence this sentence is.
    /// </summary>
    private void TopWords(string text, Range range, List<int> fired, (int Sentence, float Score, float Alone)[] best, int sentence, Scratch scratch)
    {
        var (offset, length) = range.GetOffsetAndLength(text.Length);
        var span = text.AsSpan(offset, length);
        scratch.EnsureSourceIndex(span.Length);
        var occurrences = scratch.Occurrences;
        int normalizedLength = scratch.Featurizer.ListOccurrences(span, occurrences, scratch.SourceIndex);
        var normalized = scratch.Featurizer.LastNormalized(normalizedLength);

        // The words of the normalized text, and each one's summed weights for every tag.
        var wordSpans = scratch.WordSpans;
        wordSpans.Clear();
        for (int i = 0; i < normalized.Length;)
        {
            if (normalized[i] == ' ') { i++; continue; }
            int start = i;
            while (i < normalized.Length && normalized[i] != ' ') i++;
            wordSpans.Add((start, i));
        }
        int stride = _model.Scorer.Stride;
        var shares = scratch.Shares(wordSpans.Count * stride);
        foreach (var occurrence in occurrences)
        {
            // The first word that ends after the occurrence starts, then every word it reaches.
            int lo = 0, hi = wordSpans.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (wordSpans[mid].End <= occurrence.Start) lo = mid + 1; else hi = mid;
            }
            // Each word gets the part of the n-gram's weight that its own characters make up, so a strong word does not
            // lend its weight to the neighbours its character n-grams spill into.
            float covered = occurrence.End - occurrence.Start;
            for (int w = lo; w < wordSpans.Count && wordSpans[w].Start < occurrence.End; w++)
            {
                int overlap = Math.Min(occurrence.End, wordSpans[w].End) - Math.Max(occurrence.Start, wordSpans[w].Start);
                _model.Scorer.AddWeights(occurrence.Slot, overlap / covered, shares.AsSpan(w * stride, stride));
            }
        }

        var candidates = scratch.Candidates;
        var chosen = scratch.Chosen;
        for (int k = 0; k < fired.Count; k++)
        {
            if (best[k].Sentence != sentence) continue;
            int t = fired[k];
            candidates.Clear();
            for (int w = 0; w < wordSpans.Count; w++)
                if (shares[w * stride + t] > 0) candidates.Add((shares[w * stride + t], w));
            candidates.Sort((a, b) => b.Share.CompareTo(a.Share));

            // Strongest first; function words and repeats are skipped, and only the words kept become strings.
            chosen.Clear();
            foreach (var (_, w) in candidates)
            {
                if (chosen.Count == _options.EvidenceWords) break;
                int from = scratch.SourceIndex[wordSpans[w].Start], to = scratch.SourceIndex[wordSpans[w].End - 1] + 1;
                var word = span[from..to];
                if (StopWords.Contains(word) || Repeats(chosen, word)) continue;
                chosen.Add(word.ToString());
            }
            scratch.Words[k] = [.. chosen];
        }
    }

    private static bool Repeats(List<string> chosen, ReadOnlySpan<char> word)
    {
        foreach (string c in chosen)
            if (word.Equals(c, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private ContentTagResult Empty()
    {
        var scores = new TagScore[_ids.Length];
        for (int t = 0; t < _ids.Length; t++) scores[t] = new TagScore(_ids[t], 0f, _thresholds[t]);
        return new ContentTagResult([], scores, []);
    }

    private static ContentTagger LoadDefault()
    {
        using var stream = typeof(ContentTagger).Assembly.GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException(
                "This build of ContentTags has no embedded default model. Train it with `dotnet run --project src/ContentTags.Cli -- train data/corpus.csv -o src/ContentTags/Model/default-model.zip` and rebuild, or load your own model with ContentTagger.Load.");
        return new ContentTagger(ContentTagModel.Load(stream, "the embedded default model"));
    }

    // The featurizer keeps scratch buffers between calls, so each thread has its own.
    private sealed class Scratch(FeaturizerSettings settings, ITextEncoder? encoder, LinearTagScorer scorer)
    {
        public readonly SentenceParts Parts = new(scorer);
        public readonly NgramFeaturizer Featurizer = new(settings, encoder);
        public readonly FeatureVector Features = new();
        public readonly FeatureVector Embedding = new();
        public readonly float[] Probabilities = new float[scorer.Stride];
        public readonly float[] Window = new float[scorer.Stride];
        public readonly float[] Work = new float[scorer.Stride];
        public readonly float[] WholeDots = new float[scorer.Stride];
        public readonly float[] WholeProbabilities = new float[scorer.Stride];
        public float WholeScale;
        public readonly List<Range> Sentences = new();

        public readonly List<NgramOccurrence> Occurrences = new();
        public int[] SourceIndex = new int[256];
        public readonly List<(int Start, int End)> WordSpans = new();
        public readonly List<(float Share, int Word)> Candidates = new();
        public readonly List<string> Chosen = new();
        public readonly List<int> Fired = new();
        public readonly (int Sentence, float Score, float Alone)[] Best = new (int, float, float)[scorer.Stride];
        public readonly string[]?[] Words = new string[]?[scorer.Stride];
        private float[] _shares = new float[256];

        /// <summary>A cleared buffer of at least <paramref name="length"/> floats.</summary>
        public float[] Shares(int length)
        {
            ScratchBuffers.EnsureLength(ref _shares, length);
            _shares.AsSpan(0, length).Clear();
            return _shares;
        }

        public void EnsureSourceIndex(int length)
        {
            ScratchBuffers.EnsureLength(ref SourceIndex, length);
        }
    }
}
