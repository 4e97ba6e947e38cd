namespace ContentTags.Semantic;

/// <summary>
/// The entry points of the accurate tier: <see cref="Register"/> once at start-up so that semantic models load
/// anywhere (<see cref="ContentTagger.Load"/>, the DI registration, the CLI), and <see cref="UseSentenceEmbeddings"/>
/// to train one.
/// </summary>
public static class SemanticContentTags
{
    /// <summary>
    /// Registers <see cref="MiniLmSentenceEncoder.Shared"/> with <see cref="TextEncoders"/>, so that every later model
    /// load can run models trained with sentence embeddings. Cheap (the model loads on first use) and safe to call more than once.
    /// </summary>
    public static void Register() => TextEncoders.Register(MiniLmSentenceEncoder.Shared);

    /// <summary>
    /// The length the sentence-embedding block is scaled to beside the unit-length n-grams, unless training says
    /// otherwise: the best of 2.83, 1.41, 0.71, 0.35 and 0.18 on the held-out and hard rows of the project's corpus
    /// (docs/evaluation.md). A training set of a few dozen rows needs more (2 or so) for the embeddings to carry a label
    /// over to new wording.
    /// </summary>
    public const float DefaultEncoderLength = 0.35f;

    /// <summary>
    /// Makes the trainer add sentence embeddings (<see cref="MiniLmSentenceEncoder"/>, 768 numbers per text) to the
    /// n-gram features, scaled to <paramref name="length"/> (default <see cref="DefaultEncoderLength"/>; see
    /// <see cref="FeaturizerSettings.EncoderLength"/>). <paramref name="encoder"/> defaults to
    /// <see cref="MiniLmSentenceEncoder.Shared"/>; pass one with a larger cache to train on a large corpus, whose
    /// sentences every cross-validation fold reads again.
    /// </summary>
    /// <returns>The same options, for chaining.</returns>
    public static ContentTagTrainerOptions UseSentenceEmbeddings(this ContentTagTrainerOptions options, MiniLmSentenceEncoder? encoder = null, float? length = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = encoder ?? MiniLmSentenceEncoder.Shared;
        options.Featurizer = options.Featurizer with { EncoderLength = length ?? DefaultEncoderLength };
        return options;
    }
}
