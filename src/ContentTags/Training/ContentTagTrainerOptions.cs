namespace ContentTags;

/// <summary>Options for <see cref="ContentTagTrainer"/>. The defaults train the shipped model.</summary>
public sealed class ContentTagTrainerOptions
{
    /// <summary>The CSV column holding the text. Default <c>text</c>.</summary>
    public string TextColumn { get; set; } = "text";

    /// <summary>The CSV column holding the tags, separated by <c>;</c>. Default <c>tags</c>.</summary>
    public string TagsColumn { get; set; } = "tags";

    /// <summary>The CSV field delimiter. Default <c>,</c>.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>
    /// The taxonomy to train. When <see langword="null"/> (the default) it is inferred: the built-in taxonomy when the
    /// data uses any built-in tag id (then any other id is an error, which catches typos), otherwise a custom taxonomy
    /// of the ids found, in order of first appearance.
    /// </summary>
    public TagTaxonomy? Taxonomy { get; set; }

    /// <summary>The random seed for the validation split. The same data and seed give the same model.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// How many cross-validation folds tune the thresholds and measure the model (default 4): each example is scored by
    /// a model trained without it, thresholds are chosen on those scores, and the final model is then trained on all
    /// examples. 0 or 1 skips tuning (every threshold 0.5, no metrics).
    /// </summary>
    public int ValidationFolds { get; set; } = 4;

    /// <summary>What thresholds are tuned for. Default <see cref="ThresholdObjective.MaximizeF1"/>.</summary>
    public ThresholdObjective ThresholdObjective { get; set; } = ThresholdObjective.MaximizeF1;

    /// <summary>
    /// How much cross-validated F-score each tag may give up for a higher threshold (default 0.01; 0 takes the best
    /// F-score). Near its peak the F-score is flat, and the highest threshold within 0.01 of it tagged a third fewer
    /// look-alike texts (a photo "shoot", a police raid as kidnapping) on this project's corpus for 0.001 held-out macro F1.
    /// </summary>
    public double ThresholdTolerance { get; set; } = 0.01;

    /// <summary>A tag needs at least this many positive examples to be learned; fewer is an error that names the tag.</summary>
    public int MinimumPositives { get; set; } = 5;

    /// <summary>How text becomes features. Default: <see cref="FeaturizerSettings.Default"/> with negation marking on.</summary>
    public FeaturizerSettings Featurizer { get; set; } = FeaturizerSettings.Default with { MarkNegation = true };

    /// <summary>
    /// A text encoder whose vector joins the n-gram features (after them, as the static embedding does), for example
    /// the sentence embeddings of the <c>ContentTags.Semantic</c> package. Default <see langword="null"/>: n-grams only.
    /// The model records the encoder's id, and loading it needs the same encoder (see <see cref="TextEncoders"/>).
    /// </summary>
    public ITextEncoder? Encoder { get; set; }

    /// <summary>How long texts are scored in sentence windows.</summary>
    public ScoringSettings Scoring { get; set; } = ScoringSettings.Default;

    /// <summary>L2 regularisation of each tag's logistic regression.</summary>
    public float L2Regularization { get; set; } = 0.001f;

    /// <summary>L1 regularisation of each tag's logistic regression. It zeroes weak weights (a smaller model) but cost about 0.02 macro-F1 on the corpus, so it is off by default.</summary>
    public float L1Regularization { get; set; }

    /// <summary>Free-form notes recorded in the model's manifest.</summary>
    public string? Notes { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(TextColumn)) throw new ArgumentException("TextColumn is empty.");
        if (string.IsNullOrWhiteSpace(TagsColumn)) throw new ArgumentException("TagsColumn is empty.");
        if (ValidationFolds is < 0 or > 20) throw new ArgumentOutOfRangeException(nameof(ValidationFolds), "Use 0 to 20 folds.");
        if (ThresholdTolerance is < 0 or > 0.2 || double.IsNaN(ThresholdTolerance))
            throw new ArgumentOutOfRangeException(nameof(ThresholdTolerance), ThresholdTolerance, "Use 0 to 0.2.");
        if (MinimumPositives < 1) throw new ArgumentOutOfRangeException(nameof(MinimumPositives), "Must be at least 1.");
        if (L1Regularization < 0 || L2Regularization < 0) throw new ArgumentOutOfRangeException(nameof(L2Regularization), "Regularisation cannot be negative.");
        ArgumentNullException.ThrowIfNull(Featurizer);
        Featurizer.Validate();
        if (Encoder is not null)
        {
            if (string.IsNullOrWhiteSpace(Encoder.Id)) throw new ArgumentException("The encoder has no id.", nameof(Encoder));
            if (Encoder.Dimension is < 1 or > FeaturizerSettings.MaxEncoderDimension)
                throw new ArgumentOutOfRangeException(nameof(Encoder), Encoder.Dimension, $"The encoder's dimension must be between 1 and {FeaturizerSettings.MaxEncoderDimension}.");
        }
        ArgumentNullException.ThrowIfNull(Scoring);
    }
}
