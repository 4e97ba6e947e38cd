using ContentTags.Tests.Support;

namespace ContentTags.Tests.Inference;

public sealed class ContentTaggerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private ContentTagger Tagger => fixture.Tagger;

    [Fact]
    public void Null_is_an_argument_error() => Assert.Throws<ArgumentNullException>(() => Tagger.Tag(null!));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r\n")]
    public void Empty_or_whitespace_has_no_tags(string text)
    {
        var result = Tagger.Tag(text);
        Assert.Empty(result.Tags);
        Assert.Equal(3, result.Scores.Count);
        Assert.All(result.Scores, s => Assert.Equal(0f, s.Probability));
    }

    [Fact]
    public void Result_lists_every_tag_in_taxonomy_order_with_evidence_for_fired_tags()
    {
        var result = Tagger.Tag("A quiet film about a village. Then the gang shoots the baker and beats his wife in the street.");
        Assert.Equal(["violence", "suicide", "animal-harm"], result.Scores.Select(s => s.TagId));
        Assert.Equal(["violence"], result.Tags);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("violence", evidence.TagId);
        Assert.Equal("Then the gang shoots the baker and beats his wife in the street.", evidence.Sentence);
        Assert.Equal(evidence.Sentence, "A quiet film about a village. Then the gang shoots the baker and beats his wife in the street.".Substring(evidence.Start, evidence.Length));
        Assert.NotEmpty(evidence.Words);
        Assert.All(evidence.Words, w => Assert.Contains(w, evidence.Sentence));
        Assert.True(result.Probability("violence") >= result.Scores[0].Threshold);
        Assert.Throws<KeyNotFoundException>(() => result.Probability("gore"));
    }

    [Fact]
    public void A_warning_in_one_paragraph_of_a_long_review_is_not_diluted()
    {
        string filler = string.Concat(Enumerable.Repeat(
            "The cinematography is lovely and the cast is warm and funny. The score swells at all the right moments. ", 40));
        string review = filler + "Midway through, his brother takes his own life in the barn. " + filler;
        var result = Tagger.Tag(review);
        Assert.Contains("suicide", result.Tags);
        Assert.Contains("own life", result.EvidenceFor("suicide")!.Sentence);
    }

    [Fact]
    public void Huge_and_hostile_texts_do_not_crash()
    {
        var huge = new string('a', 1_000_000) + " the gang shoots the guard.";
        Assert.Equal(3, Tagger.Tag(huge).Scores.Count);
        var tenMegabytes = string.Concat(Enumerable.Repeat("A long review that rambles on about the scenery. ", 210_000));
        Assert.True(tenMegabytes.Length > 10_000_000);
        Assert.Empty(Tagger.Tag(tenMegabytes).Tags);

        string[] hostile =
        [
            "\0\0\0\u0001\u0002", "\uD800 lone high surrogate", "lone low \uDC00", new string('\uFFFF', 1000),
            "😀🔥💀 emoji only 💀🔥😀", "مراجعة فيلم عن العنف", "映画のレビュー", string.Concat(Enumerable.Repeat("kill ", 50_000)),
            new string(Enumerable.Range(0, 5000).Select(i => (char)(i * 7919 % 65536)).ToArray()),
        ];
        foreach (var text in hostile)
        {
            var result = Tagger.Tag(text);
            Assert.Equal(3, result.Scores.Count);
            Assert.All(result.Scores, s => Assert.InRange(s.Probability, 0f, 1f));
        }
    }

    [Fact]
    public void Parallel_calls_equal_sequential_results()
    {
        var texts = SmallCorpus.Examples.Select(e => e.Text).Concat(ContentTags.Tests.Training.ContentTagTrainerTests.Probes).ToArray();
        var sequential = texts.Select(t => Tagger.Tag(t)).ToArray();
        var parallel = new ContentTagResult[texts.Length * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Tagger.Tag(texts[i % texts.Length]));
        for (int i = 0; i < parallel.Length; i++)
        {
            var expected = sequential[i % texts.Length];
            Assert.Equal(expected.Tags, parallel[i].Tags);
            Assert.Equal(expected.Scores.Select(s => s.Probability), parallel[i].Scores.Select(s => s.Probability));
        }
        var many = Tagger.TagMany(texts);
        Assert.Equal(sequential.Select(r => r.ToString()), many.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Async_stream_keeps_order()
    {
        var texts = Enumerable.Range(0, 1000).Select(i => SmallCorpus.Examples[i % SmallCorpus.Examples.Count].Text).ToArray();
        var results = new List<ContentTagResult>();
        await foreach (var r in Tagger.TagManyAsync(texts.ToAsyncEnumerable())) results.Add(r);
        Assert.Equal(texts.Select(t => Tagger.Tag(t).ToString()), results.Select(r => r.ToString()));
    }

    [Fact]
    public void Fast_path_equals_the_ml_net_pipeline_within_1e_4()
    {
        using var engine = fixture.Model.CreatePredictionEngine();
        var fast = new float[3];
        foreach (var text in SmallCorpus.Examples.Select(e => e.Text).Concat(["", "x", "Ünïcödé and émojis 😀", "A. B! C? D..."]))
        {
            var reference = engine.Predict(new MlNetTextInput { Text = text }).Probabilities;
            Tagger.ScoreWholeText(text, fast);
            for (int t = 0; t < 3; t++)
                Assert.True(Math.Abs(reference[t] - fast[t]) <= 1e-4, $"'{text}' tag {t}: ML.NET {reference[t]} vs fast {fast[t]}");
        }
    }

    [Fact]
    public void Threshold_option_overrides_tuned_thresholds()
    {
        var strict = new ContentTagger(fixture.Model, new ContentTaggerOptions { Threshold = 1f });
        Assert.Empty(strict.Tag("The gang shoots the guard and stabs the driver.").Tags);
        var lax = new ContentTagger(fixture.Model, new ContentTaggerOptions { Threshold = 0f });
        Assert.Equal(3, lax.Tag("Anything at all.").Tags.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContentTagger(fixture.Model, new ContentTaggerOptions { Threshold = 1.5f }));
    }
}
