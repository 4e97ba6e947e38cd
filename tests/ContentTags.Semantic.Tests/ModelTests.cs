using ContentTags.Tests.Shared;

namespace ContentTags.Semantic.Tests;

/// <summary>A semantic model runs the same on the fast path and in ML.NET, survives a save and load, and says what it needs.</summary>
public sealed class ModelTests
{
    private static readonly string[] Texts =
    [
        "Her father took his own life.", "A warm comedy about a bakery in Lisbon.", "", "x", "Ünïcödé and émojis 😀",
        "A. B! C? D...", "The singer committed suicide. The band broke up. A new album came out. Fans mourned for years.",
        "\0\u0001 binary \uD800 junk", new string('!', 500),
    ];

    [Fact]
    public void Fast_path_equals_the_ml_net_pipeline_within_1e_4()
    {
        var tagger = SemanticModels.Semantic;
        using var engine = tagger.Model.CreatePredictionEngine();
        var fast = new float[tagger.Taxonomy.Count];
        foreach (var text in Texts)
        {
            var reference = engine.Predict(new MlNetTextInput { Text = text }).Probabilities;
            tagger.ScoreWholeText(text, fast);
            for (int t = 0; t < fast.Length; t++)
                Assert.True(Math.Abs(reference[t] - fast[t]) <= 1e-4, $"'{text}' tag {t}: ML.NET {reference[t]} vs fast {fast[t]}");
        }
    }

    [Fact]
    public void Save_and_load_round_trip_with_the_encoder_given_or_registered()
    {
        var tagger = SemanticModels.Semantic;
        using var stream = new MemoryStream();
        tagger.Model.Save(stream);

        stream.Position = 0;
        var given = new ContentTagger(ContentTagModel.Load(stream, "semantic-model.zip", new MiniLmSentenceEncoder()));
        SemanticContentTags.Register();
        stream.Position = 0;
        var registered = new ContentTagger(ContentTagModel.Load(stream, "semantic-model.zip"));
        foreach (var text in Texts)
        {
            float expected = tagger.Tag(text).Probability("suicide");
            Assert.Equal(expected, given.Tag(text).Probability("suicide"), 1e-6f);
            Assert.Equal(expected, registered.Tag(text).Probability("suicide"), 1e-6f);
        }

        // The reloaded ML.NET pipeline runs on its own too (the custom mapping is found by its contract name).
        using var engine = registered.Model.CreatePredictionEngine();
        float[] reference = engine.Predict(new MlNetTextInput { Text = Texts[0] }).Probabilities;
        Assert.Equal(tagger.Tag(Texts[0]).Probability("suicide"), reference[0], 1e-4f);
    }

    [Fact]
    public void Loading_without_the_encoder_names_the_encoder_and_the_package()
    {
        using var stream = new MemoryStream();
        SemanticModels.Semantic.Model.Save(stream);
        // The registry is process-wide (another test registers the encoder), so rename the encoder in the manifest to
        // stand for a process where it was never registered.
        var manifest = SemanticModels.Semantic.Model.Manifest;
        var renamed = SemanticModels.Semantic.Model.WithManifest(manifest with { Featurizer = manifest.Featurizer with { Encoder = "not-registered/v9" } });
        using var other = new MemoryStream();
        renamed.Save(other);
        other.Position = 0;
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(other, "semantic-model.zip"));
        Assert.Contains("not-registered/v9", e.Message);
        Assert.Contains("ContentTags.Semantic", e.Message);
        Assert.Contains("semantic-model.zip", e.Message);

        // An encoder given explicitly must be the one the model was trained with.
        stream.Position = 0;
        var wrong = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(stream, "semantic-model.zip", new OtherEncoder()));
        Assert.Contains(MiniLmSentenceEncoder.EncoderId, wrong.Message);
    }

    [Fact]
    public void Null_empty_huge_and_binary_text_never_crash()
    {
        var tagger = SemanticModels.Semantic;
        Assert.Throws<ArgumentNullException>(() => tagger.Tag(null!));
        Assert.Empty(tagger.Tag("").Tags);
        Assert.Empty(tagger.Tag("   \n\t ").Tags);
        Assert.All(new MiniLmSentenceEncoder().Encode(""), v => Assert.Equal(0f, v));

        // 10 MB: repeated sentences (each embedded once, then cached) and one run without any sentence end.
        var tenMegabytes = string.Concat(Enumerable.Repeat("A long review that rambles on about the scenery. ", 210_000));
        Assert.True(tenMegabytes.Length > 10_000_000);
        Assert.DoesNotContain("suicide", tagger.Tag(tenMegabytes).Tags);
        var oneRun = new string('a', 2_000_000);
        Assert.Equal(2, tagger.Tag(oneRun).Scores.Count);

        string[] hostile =
        [
            "\0\0\0\u0001\u0002", "\uD800 lone high surrogate", "lone low \uDC00", new string('\uFFFF', 1000),
            "😀🔥💀 emoji only 💀🔥😀", "مراجعة فيلم عن العنف", "映画のレビュー",
            new string(Enumerable.Range(0, 5000).Select(i => (char)(i * 7919 % 65536)).ToArray()),
        ];
        foreach (var text in hostile)
        {
            var result = tagger.Tag(text);
            Assert.Equal(2, result.Scores.Count);
            Assert.All(result.Scores, s => Assert.InRange(s.Probability, 0f, 1f));
        }
    }

    [Fact]
    public void A_text_costs_at_most_the_sentence_cap()
    {
        // 200 distinct sentences: only MaxSentences of them are embedded, spread over the text.
        var encoder = new MiniLmSentenceEncoder();
        string text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"Sentence number {i} is here."));
        var vector = encoder.Encode(text);
        Assert.Equal(MiniLmSentenceEncoder.MaxSentences, encoder.CachedSentences);
        Assert.Contains(vector, v => v != 0f);
    }

    [Fact]
    public void Parallel_calls_equal_sequential_results()
    {
        // One encoder (one ONNX session) serves every thread of the tagger; each call must stay its own. No cache, so
        // every call really runs the model concurrently with the others.
        using var stream = new MemoryStream();
        SemanticModels.Semantic.Model.Save(stream);
        stream.Position = 0;
        var tagger = new ContentTagger(ContentTagModel.Load(stream, "semantic-model.zip", new MiniLmSentenceEncoder(cacheCapacity: 0)));
        var texts = ParaphraseRows.Positives.Concat(ParaphraseRows.Negatives).Concat(Texts).ToArray();
        var sequential = texts.Select(t => tagger.Tag(t).Scores.Select(s => s.Probability).ToArray()).ToArray();
        var parallel = new float[texts.Length * 4][];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = tagger.Tag(texts[i % texts.Length]).Scores.Select(s => s.Probability).ToArray());
        for (int i = 0; i < parallel.Length; i++)
            Assert.Equal(sequential[i % texts.Length], parallel[i]);
    }

    private sealed class OtherEncoder : ITextEncoder
    {
        public string Id => "other/v1";
        public string Package => "Other";
        public int Dimension => MiniLmSentenceEncoder.VectorDimension;
        public void Encode(ReadOnlySpan<char> text, Span<float> destination) => destination[..Dimension].Clear();
        public Microsoft.ML.IEstimator<Microsoft.ML.ITransformer> CreateEstimator(Microsoft.ML.MLContext ml, string inputColumn, string outputColumn) =>
            throw new NotSupportedException();
    }
}
