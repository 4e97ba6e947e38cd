namespace ContentTags.Tests.Training;

/// <summary>Models trained with the static embedding features record the table they used and survive a save and load.</summary>
public sealed class StaticEmbeddingGeneralisationTests
{
    private static readonly string[] Positives =
    [
        "The singer committed suicide in the spring of that year.",
        "Her father committed suicide when she was nine.",
        "A soldier committed suicide after coming home from the front.",
        "The novel opens after the poet committed suicide in Paris.",
        "His best friend committed suicide, and the film follows the aftermath.",
        "The detective learns that the banker committed suicide rather than face trial.",
        "An actress committed suicide at the height of her fame.",
        "The town is shaken when a teenager committed suicide.",
        "We learn the painter committed suicide before the exhibition opened.",
        "Her brother committed suicide and the family never spoke of it.",
        "A farmer committed suicide after losing the land.",
        "The composer committed suicide before finishing the symphony.",
    ];

    private static readonly string[] Negatives =
    [
        "A warm comedy about a bakery in Lisbon.", "The team wins the cup after a long season.",
        "Two friends restore an old boat over one summer.", "A documentary about jazz in New Orleans.",
        "The chef opens a small restaurant by the sea.", "A musical about a girl who wants to fly planes.",
        "Kids build a robot for the science fair.", "The couple plan their wedding on a farm.",
        "A gentle film about a turtle who wants to see the ocean.", "The orchestra tours Japan.",
        "A road trip with bad jokes and good music.", "The gardeners grow the biggest pumpkin in the county.",
        "A cosy mystery where the only crime is a stolen pie.", "The puppy learns to fetch at the dog show.",
        "A heartfelt story of a grandmother teaching knitting.", "Roommates argue over the dishes in this sitcom.",
        "A travel show about trains across the Alps.", "The choir prepares for the national competition.",
    ];

    private static ContentTagger Train(bool embeddings)
    {
        var examples = Positives.Select(t => new LabeledText(t, ["suicide"]))
            .Concat(Negatives.Select(t => new LabeledText(t, ["none"]))).ToList();
        var options = new ContentTagTrainerOptions
        {
            Taxonomy = TagTaxonomy.FromIds(["suicide", "none"]),
            Seed = 3,
            ValidationFolds = 0,
            MinimumPositives = 3,
            L2Regularization = 0.01f,
            Featurizer = new FeaturizerSettings { WordHashBits = 14, CharHashBits = 12, StaticEmbeddings = embeddings },
        };
        return new ContentTagger(new ContentTagTrainer(options).Train(examples));
    }

    [Fact]
    public void Embedding_models_record_their_table_and_round_trip()
    {
        var tagger = Train(embeddings: true);
        Assert.True(tagger.Model.Manifest.Featurizer.StaticEmbeddings);
        Assert.Contains("all-MiniLM-L6-v2", tagger.Model.Manifest.Featurizer.EmbeddingTable);
        using var stream = new MemoryStream();
        tagger.Model.Save(stream);
        stream.Position = 0;
        var loaded = new ContentTagger(ContentTagModel.Load(stream, "embedding-model.zip"));
        const string text = "Her father took his own life.";
        Assert.Equal(tagger.Tag(text).Probability("suicide"), loaded.Tag(text).Probability("suicide"));
    }
}
