namespace ContentTags;

/// <summary>What per-tag thresholds are tuned for on the validation split.</summary>
public enum ThresholdObjective
{
    /// <summary>Maximise F1: precision and recall weigh the same.</summary>
    MaximizeF1 = 0,

    /// <summary>Maximise F2: a missed warning costs more than a needless one, as it does for most readers.</summary>
    FavorRecall = 1,
}
