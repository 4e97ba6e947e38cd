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
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(model.Manifest.Featurizer, model.Encoder, model.Scorer.Stride));
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
        var probabilities = scratch.Probabilities.AsSpan();
        if (!Score(span, scratch, probabilities))
            return Empty();

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
        if (!Score(Clip(text), scratch, scratch.Probabilities))
            probabilities[.._ids.Length].Clear();
        else
            scratch.Probabilities.AsSpan(0, _ids.Length).CopyTo(probabilities);
    }

    /// <summary>The whole-text probabilities only, exactly what the ML.NET pipeline computes.</summary>
    internal void ScoreWholeText(string text, Span<float> probabilities)
    {
        var scratch = _scratch.Value!;
        ScoreSpan(Clip(text), scratch, scratch.Probabilities);
        scratch.Probabilities.AsSpan(0, _ids.Length).CopyTo(probabilities);
    }

    private ReadOnlySpan<char> Clip(string text) => text.AsSpan(0, Math.Min(text.Length, _options.MaxTextLength));

    /// <returns>False when the text has nothing to score (empty or white space).</returns>
    private bool Score(ReadOnlySpan<char> text, Scratch scratch, Span<float> probabilities)
    {
        if (text.IsWhiteSpace()) return false;
        ScoreSpan(text, scratch, probabilities);

        var scoring = _model.Manifest.Scoring;
        if (scoring.WindowSentences <= 0) return true;
        var sentences = scratch.Sentences;
        sentences.Clear();
        SentenceSplitter.Split(text, sentences);
        if (sentences.Count < scoring.MinimumSentencesForWindows) return true;

        var window = scratch.Window.AsSpan();
        int last = Math.Max(0, sentences.Count - scoring.WindowSentences);
        for (int i = 0; i <= last; i++)
        {
            int start = sentences[i].Start.Value;
            int end = sentences[Math.Min(i + scoring.WindowSentences, sentences.Count) - 1].End.Value;
            ScoreSpan(text[start..end], scratch, window);
            for (int t = 0; t < _ids.Length; t++)
                if (window[t] > probabilities[t] && window[t] >= scoring.WindowMinimumProbability) probabilities[t] = window[t];
        }
        return true;
    }

    // Up to this many sentences, evidence also weighs how much removing each sentence lowers the tag (one pass over
    // the text per sentence); beyond it only each sentence's own score is used, so huge texts stay linear.
    private const int MaxSentencesForRemovalTest = 40;

    private TagEvidence[] FindEvidence(string text, ReadOnlySpan<char> span, TagScore[] scores, Scratch scratch)
    {
        var sentences = scratch.Sentences;
        sentences.Clear();
        SentenceSplitter.Split(span, sentences);
        if (sentences.Count == 0) sentences.Add(new Range(0, span.Length));

        var fired = scores.Select((s, t) => (s, t)).Where(p => p.s.IsTagged).Select(p => p.t).ToArray();
        bool removal = sentences.Count > 1 && sentences.Count <= MaxSentencesForRemovalTest;
        var whole = new float[scratch.Window.Length];
        if (removal) ScoreSpan(span, scratch, whole); // only the removal test compares against the whole text

        // A sentence's own score alone is noisy for short sentences ("The bride survives." can look violent), so when
        // the text is short enough each sentence is also scored by how much the text's probability falls without it.
        var best = new (int Sentence, float Score, float Alone)[fired.Length];
        Array.Fill(best, (-1, float.NegativeInfinity, 0f));
        var alone = scratch.Window.AsSpan();
        var without = new float[scratch.Window.Length];
        var builder = new System.Text.StringBuilder(span.Length);
        for (int i = 0; i < sentences.Count; i++)
        {
            var (offset, length) = sentences[i].GetOffsetAndLength(span.Length);
            ScoreSpan(span.Slice(offset, length), scratch, alone);
            if (removal)
            {
                builder.Clear().Append(span[..offset]).Append(' ').Append(span[(offset + length)..]);
                ScoreSpan(builder.ToString(), scratch, without);
            }
            for (int k = 0; k < fired.Length; k++)
            {
                int t = fired[k];
                float score = alone[t] + (removal ? whole[t] - without[t] : 0f);
                if (score > best[k].Score) best[k] = (i, score, alone[t]);
            }
        }

        var evidence = new TagEvidence[fired.Length];
        for (int k = 0; k < fired.Length; k++)
        {
            var (offset, length) = sentences[best[k].Sentence].GetOffsetAndLength(span.Length);
            string sentence = text.Substring(offset, length);
            evidence[k] = new TagEvidence(_ids[fired[k]], sentence, offset, length, TopWords(sentence, fired[k], scratch), best[k].Alone);
        }
        return evidence;
    }

    private void ScoreSpan(ReadOnlySpan<char> span, Scratch scratch, Span<float> probabilities)
    {
        scratch.Featurizer.Featurize(span, scratch.Features);
        _model.Scorer.Score(scratch.Features, probabilities);
    }

    /// <summary>
    /// The words whose removal lowers the tag's probability for the sentence most: what the model actually used,
    /// including the phrases and character n-grams around each word, rather than one weight per word.
    /// </summary>
    private string[] TopWords(string sentence, int tag, Scratch scratch)
    {
        var probabilities = new float[scratch.Window.Length];
        ScoreSpan(sentence, scratch, probabilities);
        float full = probabilities[tag];
        var drops = new List<(string Word, float Drop)>();
        foreach (var (start, length) in WordTokens(sentence))
        {
            string word = sentence.Substring(start, length);
            if (StopWords.Contains(word) || drops.Exists(d => d.Word.Equals(word, StringComparison.OrdinalIgnoreCase))) continue;
            ScoreSpan(string.Concat(sentence.AsSpan(0, start), " ", sentence.AsSpan(start + length)), scratch, probabilities);
            float drop = full - probabilities[tag];
            if (drop > 0) drops.Add((word, drop));
        }
        return drops.OrderByDescending(d => d.Drop).Take(_options.EvidenceWords).Select(d => d.Word).ToArray();
    }

    private static IEnumerable<(int Start, int Length)> WordTokens(string sentence)
    {
        int i = 0;
        while (i < sentence.Length)
        {
            while (i < sentence.Length && !char.IsLetterOrDigit(sentence[i])) i++;
            int start = i;
            while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || sentence[i] == '\'' || sentence[i] == '\u2019')) i++;
            int end = i;
            while (end > start && sentence[end - 1] is '\'' or '\u2019') end--;
            if (end > start) yield return (start, end - start);
        }
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
    private sealed class Scratch(FeaturizerSettings settings, ITextEncoder? encoder, int stride)
    {
        public readonly NgramFeaturizer Featurizer = new(settings, encoder);
        public readonly FeatureVector Features = new();
        public readonly float[] Probabilities = new float[stride];
        public readonly float[] Window = new float[stride];
        public readonly List<Range> Sentences = new();
    }
}
