using ContentTags.Tests.Support;

namespace ContentTags.Tests.Training;

public sealed class ContentTagTrainerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Theory]
    [InlineData("The robbers shoot the cashier and beat a customer unconscious.", "violence")]
    [InlineData("Years later she learns her father took his own life.", "suicide")]
    [InlineData("The farmer's dog is poisoned and dies slowly.", "animal-harm")]
    public void Clear_held_out_positives_get_their_tag(string text, string tag)
    {
        var result = fixture.Tagger.Tag(text);
        Assert.Contains(tag, result.Tags);
    }

    [Theory]
    [InlineData("A sweet comedy about a baker who enters a cake competition.")]
    [InlineData("The documentary follows a choir on tour through Italy.")]
    [InlineData("Two old friends open a flower shop and argue about tulips.")]
    public void Clear_held_out_negatives_get_no_tag(string text)
    {
        var result = fixture.Tagger.Tag(text);
        Assert.Empty(result.Tags);
    }

    [Fact]
    public void Model_records_custom_taxonomy_thresholds_and_metrics()
    {
        var manifest = fixture.Model.Manifest;
        Assert.Equal(["violence", "suicide", "animal-harm"], manifest.Tags.Select(t => t.Id));
        Assert.All(manifest.Tags, t => Assert.InRange(t.Threshold, ThresholdTuner.Min, ThresholdTuner.Max));
        Assert.NotNull(manifest.ValidationMetrics);
        Assert.Equal(3, manifest.ValidationMetrics!.Tags.Count);
        Assert.StartsWith("sha256:", manifest.TrainingDataHash);
        Assert.Equal(TrainingData.ComputeHash(SmallCorpus.Examples), manifest.TrainingDataHash);
        Assert.Equal(SmallCorpus.Examples.Count, manifest.TrainingRows);
        Assert.Equal(14, manifest.Featurizer.WordHashBits);
    }

    [Fact]
    public void Same_data_and_seed_give_the_same_scores()
    {
        var again = new ContentTagger(new ContentTagTrainer(SmallCorpus.Options()).Train(SmallCorpus.Examples));
        foreach (var text in Probes)
            Assert.Equal(fixture.Tagger.Tag(text).Scores.Select(s => s.Probability), again.Tag(text).Scores.Select(s => s.Probability));
        Assert.Equal(fixture.Model.Thresholds, again.Model.Thresholds);
    }

    [Fact]
    public void Recall_objective_never_raises_a_threshold()
    {
        var options = SmallCorpus.Options();
        options.ThresholdObjective = ThresholdObjective.FavorRecall;
        var recall = new ContentTagTrainer(options).Train(SmallCorpus.Examples);
        for (int t = 0; t < 3; t++)
            Assert.True(recall.Thresholds[t] <= fixture.Model.Thresholds[t] + 1e-6, $"tag {t}: {recall.Thresholds[t]} > {fixture.Model.Thresholds[t]}");
        Assert.Equal(ThresholdObjective.FavorRecall, recall.Manifest.ThresholdObjective);
    }

    [Fact]
    public void Threshold_tolerance_never_lowers_a_threshold_and_is_recorded()
    {
        var options = SmallCorpus.Options();
        options.ThresholdTolerance = 0.05;
        var tolerant = new ContentTagTrainer(options).Train(SmallCorpus.Examples);
        for (int t = 0; t < 3; t++)
            Assert.True(tolerant.Thresholds[t] >= fixture.Model.Thresholds[t] - 1e-6, $"tag {t}: {tolerant.Thresholds[t]} < {fixture.Model.Thresholds[t]}");
        Assert.Equal(0.05, tolerant.Manifest.ThresholdTolerance);
        Assert.Equal(new ContentTagTrainerOptions().ThresholdTolerance, fixture.Model.Manifest.ThresholdTolerance);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContentTagTrainer(new ContentTagTrainerOptions { ThresholdTolerance = -0.01 }));
    }

    [Fact]
    public void Tolerance_takes_the_highest_threshold_close_to_the_best_F1()
    {
        // Twelve positives, eight negatives, scores falling. The best F1 (0.960) tags everything down to 0.30: 12 found, 1
        // false alarm. Stopping at 0.40 finds 11 with the same false alarm (F1 0.917): within a tolerance of 0.05, and
        // the highest such cut; at 0.50 F1 is 0.870, too far.
        float[] p = [0.95f, 0.94f, 0.93f, 0.92f, 0.91f, 0.90f, 0.89f, 0.88f, 0.87f, 0.86f, 0.50f, 0.40f, 0.30f, 0.20f, 0.15f, 0.12f, 0.10f, 0.08f, 0.06f, 0.02f];
        bool[] y = [true, true, true, true, true, true, true, true, true, false, true, true, true, false, false, false, false, false, false, false];
        float best = ThresholdTuner.Tune(p, y, ThresholdObjective.MaximizeF1);
        Assert.Equal((0.30f + 0.20f) / 2, best, 1e-6);
        float tolerant = ThresholdTuner.Tune(p, y, ThresholdObjective.MaximizeF1, tolerance: 0.05);
        Assert.Equal((0.40f + 0.30f) / 2, tolerant, 1e-6);
        Assert.Equal(best, ThresholdTuner.Tune(p, y, ThresholdObjective.MaximizeF1, tolerance: 0));
    }

    [Fact]
    public async Task Trains_from_csv_with_configurable_columns()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ct-train-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, SmallCorpus.Csv().Replace("id,text,tags", "id,review,labels"));
        try
        {
            var options = SmallCorpus.Options();
            options.TextColumn = "review";
            options.TagsColumn = "labels";
            options.Taxonomy = null; // inferred: none of these ids... are all built-in, so give it explicitly below
            options.Taxonomy = SmallCorpus.Taxonomy;
            var model = await new ContentTagTrainer(options).TrainAsync(path);
            Assert.Equal(fixture.Model.Manifest.TrainingDataHash, model.Manifest.TrainingDataHash);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Custom_ids_give_a_custom_taxonomy()
    {
        var examples = SmallCorpus.Examples.Select(e => e with { Tags = e.Tags.Select(t => "kid-" + t).ToArray() }).ToList();
        var options = SmallCorpus.Options();
        options.Taxonomy = null;
        var model = new ContentTagTrainer(options).Train(examples);
        Assert.Equal(["kid-violence", "kid-suicide", "kid-animal-harm"], model.Taxonomy.Ids);
        Assert.Contains("kid-suicide", new ContentTagger(model).Tag("He took his own life after the trial.").Tags);
    }

    [Fact]
    public void Built_in_ids_infer_the_built_in_taxonomy_and_report_rare_tags_by_name()
    {
        var options = SmallCorpus.Options();
        options.Taxonomy = null;
        var error = Assert.Throws<ContentTagsDataException>(() => new ContentTagTrainer(options).Train(SmallCorpus.Examples));
        Assert.Contains("eating-disorder (0)", error.Message);
        Assert.Contains("sexual-violence (0)", error.Message);
        Assert.DoesNotContain("suicide (", error.Message.Replace("self-harm (0)", ""));
    }

    [Fact]
    public void Unknown_tag_in_csv_names_the_line()
    {
        string csv = SmallCorpus.Csv() + "999,\"A typo in the labels.\",violense\n";
        var examples = LabeledCsv.ReadAsync(new StringReader(csv), "train.csv").ToBlockingEnumerable().ToList();
        var error = Assert.Throws<ContentTagsDataException>(() => new ContentTagTrainer(SmallCorpus.Options()).Train(examples));
        Assert.Contains("unknown tag 'violense'", error.Message);
        Assert.Equal(examples.Count + 1, error.Line); // header is line 1
        Assert.StartsWith("train.csv, line ", error.Message);
    }

    [Fact]
    public void Malformed_tag_in_csv_names_line_and_column()
    {
        string csv = "text,tags\n\"fine\",violence\n\"bad\",Violence!\n";
        var error = Assert.Throws<ContentTagsDataException>(() => LabeledCsv.ReadAsync(new StringReader(csv), "t.csv").ToBlockingEnumerable().ToList());
        Assert.Equal(3, error.Line);
        Assert.Equal("tags", error.Column);
        Assert.Contains("Violence!", error.Message);
    }

    [Fact]
    public void Missing_column_lists_the_columns_there_are()
    {
        var error = Assert.Throws<ContentTagsDataException>(() =>
            LabeledCsv.ReadAsync(new StringReader("id,body,tags\n1,x,\n"), "t.csv").ToBlockingEnumerable().ToList());
        Assert.Contains("no column 'text'", error.Message);
        Assert.Contains("'id', 'body', 'tags'", error.Message);
    }

    [Fact]
    public void Ragged_row_names_its_line()
    {
        var error = Assert.Throws<ContentTagsDataException>(() =>
            LabeledCsv.ReadAsync(new StringReader("text,tags\n\"a\nb\",\nonly-one-field\n"), "t.csv").ToBlockingEnumerable().ToList());
        Assert.Equal(4, error.Line); // the quoted field spans lines 2-3
        Assert.Contains("expected 2 fields", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContentTagTrainer(new ContentTagTrainerOptions { ValidationFolds = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContentTagTrainer(new ContentTagTrainerOptions { MinimumPositives = 0 }));
        Assert.Throws<ContentTagsDataException>(() => new ContentTagTrainer().Train([]));
    }

    internal static readonly string[] Probes =
    [
        "The robbers shoot the cashier.",
        "She took her own life.",
        "A puppy is run over.",
        "A baking competition.",
        "",
    ];
}
