using ContentTags.Tests.Shared;

namespace ContentTags.Tests.Training;

/// <summary>Models trained with the static embedding features record the table they used and survive a save and load.</summary>
public sealed class StaticEmbeddingGeneralisationTests
{
    private static ContentTagger Train(bool embeddings)
    {
        var examples = ParaphraseRows.Examples();
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
