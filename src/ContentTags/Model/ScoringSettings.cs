namespace ContentTags;

/// <summary>
/// How a text is scored beyond the whole-text pass. A warning in one paragraph of a long review is diluted when the
/// whole review is one feature vector, so long texts are also scored in windows of consecutive sentences and each
/// tag takes its highest probability. Thresholds are tuned with the same settings, so they travel with the model.
/// </summary>
public sealed record ScoringSettings
{
    /// <summary>How many consecutive sentences one window holds; 0 turns windows off.</summary>
    public int WindowSentences { get; init; } = 2;

    /// <summary>
    /// Texts with fewer sentences than this are scored as a whole only. Default 3: a warning in the last of three
    /// sentences ("... The ending is hopeful. Her uncle took his own life the winter she turned twelve.") was diluted
    /// below its threshold when windows started at four; on the held-out rows 3 and 4 score the same.
    /// </summary>
    public int MinimumSentencesForWindows { get; init; } = 3;

    /// <summary>
    /// A window raises a tag only when the window alone is at least this sure. Thresholds are tuned mostly on texts too
    /// short for windows, and a 1,500-word review has ~60 windows: taking the plain maximum let chance highs fire seven
    /// wrong tags on one long review. A confident paragraph still counts, so a warning is not diluted away.
    /// </summary>
    public float WindowMinimumProbability { get; init; } = 0.5f;

    /// <summary>The settings used when a model says nothing else.</summary>
    public static ScoringSettings Default { get; } = new();
}
