using ContentTags.Tests.Shared;

namespace ContentTags.Semantic.Tests;

/// <summary>
/// Two small models trained on the same rows with the same seed, one with sentence embeddings and one without: the
/// positives say only "committed suicide", never "took his own life". Trained once per test run (a few seconds).
/// </summary>
internal static class SemanticModels
{
    private static readonly Lazy<ContentTagger> s_semantic = new(() => Train(semantic: true));
    private static readonly Lazy<ContentTagger> s_ngrams = new(() => Train(semantic: false));

    public static ContentTagger Semantic => s_semantic.Value;

    public static ContentTagger NgramsOnly => s_ngrams.Value;

    public static ContentTagTrainerOptions Options(bool semantic)
    {
        var options = new ContentTagTrainerOptions
        {
            Taxonomy = TagTaxonomy.FromIds(["suicide", "none"]),
            Seed = 3,
            ValidationFolds = 0,
            MinimumPositives = 3,
            Featurizer = new FeaturizerSettings { WordHashBits = 14, CharHashBits = 12 },
        };
        // A few dozen rows need the embedding block weighted more than the corpus-tuned default (0.35): at 0.71 the
        // n-grams of the training rows outweigh the meaning and "took his own life" gets 0.22; at 1.41, 0.80.
        return semantic ? options.UseSentenceEmbeddings(length: 2f) : options;
    }

    private static ContentTagger Train(bool semantic) =>
        new(new ContentTagTrainer(Options(semantic)).Train(ParaphraseRows.Examples()));
}
