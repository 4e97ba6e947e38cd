namespace ContentTags;

/// <summary>
/// What a model file says about itself: its format version, taxonomy and thresholds, how its text features are made,
/// which data trained it and how well it did on its validation split.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The newest model format this library reads and the one it writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format version of the file.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The ContentTags version that wrote the file.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The tags in taxonomy order, each with its threshold.</summary>
    public required IReadOnlyList<TagDefinition> Tags { get; init; }

    /// <summary>How text is turned into features; inference reproduces it exactly.</summary>
    public required FeaturizerSettings Featurizer { get; init; }

    /// <summary>How long texts are scored in sentence windows.</summary>
    public ScoringSettings Scoring { get; init; } = ScoringSettings.Default;

    /// <summary>SHA-256 of the training examples (text and tags, in order), as written by <see cref="TrainingData.ComputeHash"/>.</summary>
    public required string TrainingDataHash { get; init; }

    /// <summary>How many examples trained the model.</summary>
    public int TrainingRows { get; init; }

    /// <summary>The random seed of training.</summary>
    public int Seed { get; init; }

    /// <summary>How thresholds were chosen.</summary>
    public ThresholdObjective ThresholdObjective { get; init; }

    /// <summary>How much F-score each threshold could give up for a higher one (see <see cref="ContentTagTrainerOptions.ThresholdTolerance"/>).</summary>
    public double ThresholdTolerance { get; init; }

    /// <summary>Metrics on the validation split that tuned the thresholds, if any.</summary>
    public ModelMetrics? ValidationMetrics { get; init; }

    /// <summary>Free-form notes, for example where the training data came from.</summary>
    public string? Notes { get; init; }

    /// <summary>The taxonomy these tags make.</summary>
    public TagTaxonomy ToTaxonomy() => new(Tags.Select(t => new ContentTag(t.Id, t.DisplayName, t.Description)));
}
