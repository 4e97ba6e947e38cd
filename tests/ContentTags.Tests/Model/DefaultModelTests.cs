using ContentTags.Tests.Support;

namespace ContentTags.Tests.Model;

public sealed class DefaultModelTests
{
    [Fact]
    public async Task Embedded_model_was_trained_from_the_corpus_in_this_repository()
    {
        var examples = await LabeledCsv.ReadAsync(Repo.Path("data/corpus.csv")).ToListAsync();
        // If this fails, data/ changed without retraining: run scripts/retrain-default-model.sh.
        Assert.Equal(TrainingData.ComputeHash(examples), ContentTagger.Default.Model.Manifest.TrainingDataHash);
        Assert.Equal(examples.Count, ContentTagger.Default.Model.Manifest.TrainingRows);
    }

    [Fact]
    public void Embedded_model_has_the_built_in_taxonomy_and_stays_within_budget()
    {
        var model = ContentTagger.Default.Model;
        Assert.Equal(TagTaxonomy.BuiltIn.Ids, model.Taxonomy.Ids);
        Assert.True(model.Taxonomy.HasSameIds(TagTaxonomy.BuiltIn));
        Assert.NotNull(model.Manifest.ValidationMetrics);
        long bytes = new FileInfo(Repo.Path("src/ContentTags/Model/default-model.zip")).Length;
        Assert.True(bytes < 10 * 1024 * 1024, $"the shipped model is {bytes:N0} bytes; the budget is 10 MB");
    }

    // Confusable words that name no content, and indirect wording that does (DEVELOPERS.md and issue 3's examples).
    [Theory]
    [InlineData("A killer soundtrack carries this otherwise forgettable thriller.", "")]
    [InlineData("The photo shoot scenes are gorgeous and the fashion is to die for.", "")]
    [InlineData("No animals were harmed in the making of this film, and it shows: the dogs steal every scene.", "")]
    [InlineData("Despite the title, Bloodbath Bay has no violence at all; it's a gentle sailing documentary.", "")]
    [InlineData("Taking this role was career suicide for the lead actor.", "")]
    [InlineData("Bloody brilliant from start to finish.", "")]
    [InlineData("She picks up her prescription at the drug store before the big date.", "")]
    [InlineData("He gets cut from the team in the first episode and spends the season coaching kids.", "")]
    [InlineData("An overdose of charm and not much else.", "")]
    [InlineData("I died laughing at the wedding speech.", "")]
    [InlineData("The heist crew 'kidnaps' the groom for a bachelor party weekend in Vegas, and everyone has a blast.", "")]
    [InlineData("The family dog doesn't make it.", "animal-harm")]
    [InlineData("He forced himself on her after the party.", "sexual-violence")]
    [InlineData("She stopped eating after the move and hid her ribs under baggy jumpers.", "eating-disorder")]
    [InlineData("Her uncle took his own life the winter she turned twelve.", "suicide")]
    [InlineData("A quiet drama about a fishing town. The ending is hopeful. Her uncle took his own life the winter she turned twelve.", "suicide")]
    [InlineData("The 'hostage' in this family comedy is the TV remote.", "")]
    [InlineData("Despite its title, Slaughterhouse Lane is a gentle village mystery about a stolen marrow.", "")]
    [InlineData("This game is addictive as hell, I lost a whole weekend to it.", "")]
    [InlineData("Long sleeves in July, a razor blade taped under the desk drawer.", "self-harm")]
    [InlineData("He was found in the garage with the engine running; the film is about the family he left behind.", "suicide")]
    [InlineData("After the divorce he keeps tracking her phone and emptying their joint account.", "domestic-abuse")]
    public void Embedded_model_tags_what_happens_not_the_words(string text, string expected) =>
        Assert.Equal(expected, ContentTagger.Default.Tag(text).ToString());

    // Crime stories whose words look like another tag's: a shooting of police officers is not bigotry, and a lawful
    // arrest is not an abduction (the guide's conventions). Both were tagged so by earlier models.
    [Theory]
    [InlineData("A masked gunman shoots two police officers in the street.", "discrimination")]
    [InlineData("Police raid the warehouse and arrest the gang after a long investigation.", "kidnapping")]
    public void Embedded_model_keeps_police_work_apart_from_look_alike_tags(string text, string notExpected) =>
        Assert.False(ContentTagger.Default.Tag(text).Has(notExpected), $"tagged {ContentTagger.Default.Tag(text)}");

    [Fact]
    public async Task Held_out_rows_never_appear_in_the_training_corpus()
    {
        var train = (await LabeledCsv.ReadAsync(Repo.Path("data/corpus.csv")).ToListAsync()).Select(e => e.Text).ToHashSet();
        var held = await LabeledCsv.ReadAsync(Repo.Path("data/heldout.csv")).ToListAsync();
        Assert.True(held.Count > 500);
        Assert.DoesNotContain(held, e => train.Contains(e.Text));

        // Nor do the evaluation-only rows by writers the model never learns from.
        var unseen = await LabeledCsv.ReadAsync(Repo.Path("data/unseen-writers.csv")).ToListAsync();
        Assert.True(unseen.Count > 300);
        Assert.DoesNotContain(unseen, e => train.Contains(e.Text));
    }

    [Theory]
    [InlineData("After the funeral we learn that her brother took his own life.", "suicide")]
    [InlineData("The cartel forces the village to grow poppies, and the hero's son is hooked on heroin by the end.", "substance-abuse")]
    [InlineData("She starves herself for weeks before the competition and purges after every meal.", "eating-disorder")]
    [InlineData("The soldiers torture the prisoner with electric shocks to make him talk.", "torture")]
    [InlineData("Girls from the village are promised jobs abroad, then sold to a brothel and kept in debt bondage.", "human-trafficking")]
    public void Embedded_model_tags_clear_cases(string text, string tag) =>
        Assert.Contains(tag, ContentTagger.Default.Tag(text).Tags);

    [Fact]
    public void Fast_path_equals_ml_net_on_every_row_of_the_corpus()
    {
        var tagger = ContentTagger.Default;
        using var engine = tagger.Model.CreatePredictionEngine();
        var fast = new float[tagger.Taxonomy.Count];
        int rows = 0;
        var corpus = LabeledCsv.ReadAsync(Repo.Path("data/corpus.csv")).ToBlockingEnumerable()
            .Concat(LabeledCsv.ReadAsync(Repo.Path("data/heldout.csv")).ToBlockingEnumerable());
        foreach (var e in corpus)
        {
            var reference = engine.Predict(new MlNetTextInput { Text = e.Text }).Probabilities;
            tagger.ScoreWholeText(e.Text, fast);
            for (int t = 0; t < fast.Length; t++)
                Assert.True(Math.Abs(reference[t] - fast[t]) <= 1e-4, $"{e.Source} line {e.Line}, {tagger.Taxonomy[t].Id}: ML.NET {reference[t]} vs fast {fast[t]}");
            rows++;
        }
        Assert.True(rows > 4000);
    }
}
