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
    /// Makes the trainer add sentence embeddings (<see cref="MiniLmSentenceEncoder"/>, 768 numbers per text) to the
    /// n-gram features. <paramref name="encoder"/> defaults to <see cref="MiniLmSentenceEncoder.Shared"/>.
    /// </summary>
    /// <returns>The same options, for chaining.</returns>
    public static ContentTagTrainerOptions UseSentenceEmbeddings(this ContentTagTrainerOptions options, MiniLmSentenceEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = encoder ?? MiniLmSentenceEncoder.Shared;
        return options;
    }
}
